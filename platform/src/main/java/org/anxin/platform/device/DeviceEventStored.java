package org.anxin.platform.device;

/**
 * Published inside the storing transaction for each new (not duplicate) device event, so that
 * listeners (alarm rules) commit or roll back together with it.
 */
public record DeviceEventStored(DeviceEvent event, long seniorId) {}
