package org.anxin.platform.vitals;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anxin.platform.device.DeviceEvent;
import org.anxin.platform.device.DeviceEventStored;
import org.anxin.platform.device.DeviceEventsStored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores the values of each {@code VITALS} event ({@code attrs}: heartRate, systolic, diastolic,
 * spo2, temperature, steps; absent ones omitted) in the transaction that stored the event, and
 * publishes {@link VitalsAbnormal} when the senior's last {@code consecutive} readings of a kind
 * are all past a limit, within the window, and the one before them was not (once per run of
 * abnormal readings). A value outside what a body can show is a sensor fault: dropped and logged.
 */
@Component
class VitalsIngest {
    private static final Logger log = LoggerFactory.getLogger(VitalsIngest.class);

    private final JdbcClient db;
    private final JsonMapper json;
    private final Thresholds thresholds;
    private final ApplicationEventPublisher events;
    private final VitalsProperties properties;

    VitalsIngest(
            JdbcClient db,
            JsonMapper json,
            Thresholds thresholds,
            ApplicationEventPublisher events,
            VitalsProperties properties) {
        this.db = db;
        this.json = json;
        this.thresholds = thresholds;
        this.events = events;
        this.properties = properties;
    }

    @EventListener
    void on(DeviceEventsStored batch) {
        Map<Long, Map<VitalKind, Thresholds.Limit>> limits = new HashMap<>();
        for (DeviceEventStored stored : batch.stored()) {
            DeviceEvent event = stored.event();
            if (!"VITALS".equals(event.type()) || event.attrs() == null) {
                continue;
            }
            Map<VitalKind, Thresholds.Limit> own = limits.computeIfAbsent(stored.seniorId(), thresholds::forSenior);
            Instant at = event.deviceTime() != null ? event.deviceTime() : event.receivedAt();
            for (Map.Entry<VitalKind, Double> value : values(event).entrySet()) {
                Thresholds.Limit limit = own.get(value.getKey());
                boolean abnormal = limit.abnormal(value.getValue());
                db.sql("insert into vital_readings (senior_id, device_id, kind, value, at, abnormal)"
                                + " values (?, ?, ?, ?, ?, ?)")
                        .params(
                                stored.seniorId(),
                                event.deviceId(),
                                value.getKey().name(),
                                value.getValue(),
                                Timestamp.from(at),
                                abnormal)
                        .update();
                if (abnormal && runJustReached(stored.seniorId(), value.getKey())) {
                    events.publishEvent(new VitalsAbnormal(
                            stored.seniorId(),
                            event.deviceId(),
                            at,
                            value.getKey(),
                            value.getValue(),
                            limit.low(),
                            limit.high()));
                }
            }
        }
    }

    /** The newest {@code consecutive} readings are abnormal and within the window, and the one before is not. */
    private boolean runJustReached(long seniorId, VitalKind kind) {
        int n = properties.consecutive();
        List<Reading> last = db.sql("select abnormal, at from vital_readings where senior_id = ? and kind = ?"
                        + " order by at desc, id desc limit ?")
                .params(seniorId, kind.name(), n + 1)
                .query((rs, i) -> new Reading(
                        rs.getBoolean("abnormal"), rs.getTimestamp("at").toInstant()))
                .list();
        if (last.size() < n) {
            return false;
        }
        List<Reading> run = last.subList(0, n);
        boolean allAbnormal = run.stream().allMatch(Reading::abnormal);
        boolean inWindow = !run.get(n - 1).at().isBefore(run.get(0).at().minus(properties.window()));
        boolean startsHere = last.size() == n || !last.get(n).abnormal();
        return allAbnormal && inWindow && startsHere;
    }

    private record Reading(boolean abnormal, Instant at) {}

    private Map<VitalKind, Double> values(DeviceEvent event) {
        Map<VitalKind, Double> values = new java.util.EnumMap<>(VitalKind.class);
        JsonNode attrs;
        try {
            attrs = json.readTree(event.attrs());
        } catch (RuntimeException e) {
            log.warn("device {}: VITALS attrs are not JSON, ignored: {}", event.deviceId(), e.toString());
            return values;
        }
        List<String> dropped = new ArrayList<>();
        for (VitalKind kind : VitalKind.values()) {
            JsonNode node = attrs.get(kind.attr);
            if (node == null || node.isNull()) {
                continue;
            }
            if (node.isNumber() && kind.plausible(node.asDouble())) {
                values.put(kind, node.asDouble());
            } else {
                dropped.add(kind.attr + "=" + node);
            }
        }
        if (!dropped.isEmpty()) {
            log.warn("device {}: implausible vitals dropped: {}", event.deviceId(), dropped);
        }
        return values;
    }
}
