/**
 * Providers and responders, their live positions (Redis GEO), the travel-time model and the
 * service circle, matching, and emergency offers with locks and escalation.
 */
package org.anxin.platform.dispatch;
