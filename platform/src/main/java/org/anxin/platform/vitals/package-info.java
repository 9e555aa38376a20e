/**
 * Watch vitals (heart rate, blood pressure, SpO2, temperature, steps) stored as typed series from
 * the devices' {@code VITALS} events, per-senior thresholds set by the desk over documented
 * clinical defaults, and {@link org.anxin.platform.vitals.VitalsAbnormal} when readings stay past
 * a threshold (debounced), which the alarm desk raises as a VITALS_ABNORMAL alarm.
 */
package org.anxin.platform.vitals;
