/**
 * SMS and voice calls to families, supervisors and responders through Twilio, the log of every
 * one of them, and Twilio's signed webhooks under {@code /twilio/}.
 */
package org.anxin.platform.notify;
