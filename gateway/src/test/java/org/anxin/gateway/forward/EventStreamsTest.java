package org.anxin.gateway.forward;

import static org.assertj.core.api.Assertions.assertThat;

import org.anxin.gateway.device.EventType;
import org.junit.jupiter.api.Test;

/** Alarms go to the alarm lane of the device's partition, everything else to its events lane. */
class EventStreamsTest {
    private final EventStreams streams = new EventStreams(8);

    @Test
    void alarmsTakeTheAlarmLaneOfTheSamePartition() {
        int p = Math.floorMod("btn-0001".hashCode(), 8);
        for (EventType alarm : new EventType[] {
            EventType.SOS,
            EventType.FALL,
            EventType.WATCH_REMOVED,
            EventType.POWER_CUT,
            EventType.LOW_BATTERY,
            EventType.ALARM
        }) {
            assertThat(streams.keyOf("btn-0001", alarm)).isEqualTo("anxin:alarms:" + p);
        }
        for (EventType other : new EventType[] {
            EventType.LOCATION, EventType.HEARTBEAT, EventType.VITALS, EventType.ONLINE, EventType.OFFLINE
        }) {
            assertThat(streams.keyOf("btn-0001", other)).isEqualTo("anxin:events:" + p);
        }
        assertThat(streams.keysOf("btn-0001")).containsExactly("anxin:alarms:" + p, "anxin:events:" + p);
    }
}
