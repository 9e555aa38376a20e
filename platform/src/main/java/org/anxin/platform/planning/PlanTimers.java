package org.anxin.platform.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Set;
import org.anxin.platform.order.OrderBookingChanged;
import org.anxin.platform.system.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When plans are made without anyone asking: tomorrow's each night ({@code ANXIN_PLAN_CRON}; the
 * node whose insert of the day's row wins makes it, the others find it there), and a re-plan of a
 * planned day after an order of it was booked, cancelled or moved: marked on the day's row, then
 * tried at once on the task executor, and swept every minute for a mark a node left behind.
 */
@Component
class PlanTimers {
    private static final Logger log = LoggerFactory.getLogger(PlanTimers.class);

    private final DayPlanner planner;
    private final PlanStore store;
    private final TaskExecutor executor;
    private final Clock clock;
    private final ZoneId zone;

    PlanTimers(
            DayPlanner planner,
            PlanStore store,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            Clock clock,
            ZoneId cityZone) {
        this.planner = planner;
        this.store = store;
        this.executor = executor;
        this.clock = clock;
        this.zone = cityZone;
    }

    @Scheduled(cron = "${anxin.planning.cron:0 0 21 * * *}", zone = "${anxin.city-zone:Asia/Shanghai}")
    void nightly() {
        LocalDate tomorrow = LocalDate.now(clock.withZone(zone)).plusDays(1);
        if (!planner.planIfNew(tomorrow)) {
            log.info("{} is planned (or being planned) already; nightly run left it", tomorrow);
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void orderChanged(OrderBookingChanged change) {
        Set<LocalDate> days = new LinkedHashSet<>();
        days.add(LocalDate.ofInstant(change.windowFrom(), zone));
        days.add(LocalDate.ofInstant(change.newWindowFrom(), zone));
        // on the executor's thread: after commit the order's connection is still bound to this one,
        // and a write made on it here would never be committed
        executor.execute(() -> days.stream().filter(store::wantReplan).forEach(this::replan));
    }

    @Scheduled(initialDelay = 60_000, fixedDelay = 60_000)
    void sweep() {
        store.replansWanted().forEach(this::replan);
    }

    private void replan(LocalDate day) {
        try {
            planner.replanIfWanted(day);
        } catch (ApiProblem busy) {
            log.info("re-plan of {} left to the run that holds it: {}", day, busy.getMessage());
        } catch (RuntimeException e) {
            log.warn("re-plan of {} failed", day, e);
        }
    }
}
