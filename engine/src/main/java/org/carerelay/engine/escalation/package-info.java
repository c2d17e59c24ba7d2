/**
 * Escalations: the record of every breach of a hand-off's service level, the basis of the
 * managers' view of each partner's responsiveness.
 */
package org.carerelay.engine.escalation;
