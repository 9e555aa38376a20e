/**
 * The 12349 line: inbound calls through Twilio's voice webhooks (a Chinese IVR, the queue to the
 * on-duty operators), caller lookup and the screen pop on every console, the record of every
 * inbound and outbound call, and work orders (工单: 咨询·转介·跟踪·评估). See docs/callcenter.md.
 */
package org.anxin.platform.callcenter;
