package org.anxin.platform.device;

import java.util.List;

/**
 * Published inside the storing transaction, once per stored batch (often a batch of one), with
 * the new (not duplicate) events in order, so that listeners (alarm rules) commit or roll back
 * together with them, and can look up what they need for the whole batch at once.
 */
public record DeviceEventsStored(List<DeviceEventStored> stored) {
    public DeviceEventsStored {
        stored = List.copyOf(stored);
    }
}
