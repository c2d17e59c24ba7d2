/**
 * Transports with no knowledge of the engine: SMTP mail with plain-text and HTML parts, and
 * signed webhooks to partner systems.
 */
package org.carerelay.connectors;
