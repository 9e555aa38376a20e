package org.anxin.platform.device;

/** One new (not duplicate) device event and the senior its device belongs to; see {@link DeviceEventsStored}. */
public record DeviceEventStored(DeviceEvent event, long seniorId) {}
