/**
 * The audit log: one append-only record of security-relevant acts (sign-ins and failures, user and
 * password changes, device registration, secret rotation and revocation, senior record edits and
 * views, privacy-sensitive device commands, settlement closes) with actor, address, time, object
 * and before/after. Modules call {@link org.anxin.platform.audit.AuditLog}; the system module's
 * account events and Spring Security's sign-in events are recorded by a listener here. ADMIN reads
 * it at {@code GET /api/audit} (JSON or CSV) and on {@code audit.html}.
 */
package org.anxin.platform.audit;
