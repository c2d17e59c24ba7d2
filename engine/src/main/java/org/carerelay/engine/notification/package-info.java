/**
 * Notifications that are never lost: an outbox written in the same transaction as the process
 * step that causes it, sent afterwards.
 */
package org.carerelay.engine.notification;
