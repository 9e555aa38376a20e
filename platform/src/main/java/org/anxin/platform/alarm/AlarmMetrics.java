package org.anxin.platform.alarm;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The desk's figures for Prometheus: {@code anxin_alarms{status}} (alarms in each state now, from the
 * database, so every node reports the same) and {@code anxin_alarm_answer_seconds{type}} (from the
 * desk raising an alarm to an operator's first act on it: acknowledge, dispatch, false alarm or
 * cancel), recorded by the node whose operator acted.
 */
@Component
public class AlarmMetrics implements MeterBinder {
    private final JdbcClient db;
    private MeterRegistry registry;

    AlarmMetrics(JdbcClient db) {
        this.db = db;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
        for (AlarmStatus status : AlarmStatus.values()) {
            Gauge.builder("anxin.alarms", () -> count(status))
                    .description("Alarms in this state")
                    .tag("status", status.name())
                    .register(registry);
        }
    }

    /** An operator first acted on an alarm the desk raised at {@code createdAt}. */
    void answered(String type, Instant createdAt, Instant at) {
        if (registry == null || createdAt == null) {
            return;
        }
        Timer.builder("anxin.alarm.answer")
                .description("From the desk raising an alarm to an operator's first act on it")
                .tag("type", type)
                .publishPercentileHistogram()
                .register(registry)
                .record(at.isBefore(createdAt) ? Duration.ZERO : Duration.between(createdAt, at));
    }

    private double count(AlarmStatus status) {
        try {
            return db.sql("select count(*) from alarms where status = ?")
                    .param(status.name())
                    .query(Long.class)
                    .single();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
