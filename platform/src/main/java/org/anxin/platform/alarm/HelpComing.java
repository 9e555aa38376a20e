package org.anxin.platform.alarm;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.anxin.platform.device.DeviceCommands;
import org.anxin.platform.device.DeviceService;
import org.anxin.platform.system.Role;
import org.anxin.platform.system.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells an SOS page (a device of protocol {@code app}) that the desk has its alarm: once the alarm
 * is acknowledged (or dispatched straight away), one {@code HELP_COMING} downlink command goes to
 * the phone over its MQTT command topic, queued like any command until the phone is online. The
 * timeline entry {@code HELP_COMING} of each press claims the step, so later changes of the alarm
 * send no more, and a press merged into an alarm already taken is answered too.
 */
@Component
class HelpComing {
    static final String ACTION = "HELP_COMING";
    private static final Logger log = LoggerFactory.getLogger(HelpComing.class);
    private static final Set<AlarmStatus> TAKEN =
            Set.of(AlarmStatus.ACKNOWLEDGED, AlarmStatus.DISPATCHED, AlarmStatus.RESPONDER_ON_SCENE);

    private final AlarmRepository alarms;
    private final DeviceService devices;
    private final DeviceCommands commands;
    private final TransactionTemplate claim;
    private final TransactionTemplate outside;
    private final Clock clock;

    HelpComing(
            AlarmRepository alarms,
            DeviceService devices,
            DeviceCommands commands,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.alarms = alarms;
        this.devices = devices;
        this.commands = commands;
        // the listener runs after the alarm's commit, when that transaction's connection is still bound
        this.claim = new TransactionTemplate(transactions);
        this.claim.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.outside = new TransactionTemplate(transactions);
        this.outside.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AlarmChanged changed) {
        Alarm alarm = alarms.find(changed.alarmId()).orElse(null);
        if (alarm == null || alarm.deviceId() == null || !TAKEN.contains(alarm.status())) {
            return;
        }
        boolean fromApp = devices.find(alarm.deviceId())
                .map(device -> "app".equals(device.protocol()))
                .orElse(false);
        if (!fromApp) {
            return;
        }
        String actor = alarm.answeredBy() == null ? "desk" : alarm.answeredBy();
        Boolean claimed = claim.execute(status -> alarms.addTimelineOnce(
                alarm.id(),
                clock.instant(),
                ACTION,
                actor,
                "SOS page told that help is coming (press " + (alarm.repeats() + 1) + ")"));
        if (Boolean.TRUE.equals(claimed)) {
            // outside any transaction: the command row is committed before it is routed to the gateway,
            // so the gateway's report finds it
            outside.executeWithoutResult(status -> commands.create(
                    alarm.deviceId(),
                    DeviceCommands.HELP_COMING,
                    Map.of(),
                    new Viewer(actor, Role.OPERATOR, Set.of())));
            log.info("alarm {}: told SOS page {} that help is coming", alarm.id(), alarm.deviceId());
        }
    }
}
