package org.anxin.platform.device;

/**
 * One new (not duplicate) device event, the senior its device belongs to, and the device's last fix
 * once this event is stored (the event's own when it was newer, else the one before; null when the
 * device never had one), so that a rule on the event needs no second read of the device; see
 * {@link DeviceEventsStored}.
 */
public record DeviceEventStored(DeviceEvent event, long seniorId, Double lat, Double lon) {}
