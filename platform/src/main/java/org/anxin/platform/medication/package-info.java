/**
 * Medication reminders: at each time of day a senior's medicine is taken (city time), one SMS to
 * the senior's phone through the notification log, claimed once across platform nodes by the
 * reminder's unique key. The gateway has no reminder downlink (no watch {@code REMIND}) yet, so
 * there is no device acknowledgement to record.
 */
package org.anxin.platform.medication;
