package org.anxin.platform.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.anxin.platform.alarm.AlarmFigures;
import org.anxin.platform.assessment.AssessmentsDue;
import org.anxin.platform.catalog.Catalog;
import org.anxin.platform.device.DevicesOnline;
import org.anxin.platform.dispatch.CircleCoverage;
import org.anxin.platform.dispatch.DispatchProperties;
import org.anxin.platform.dispatch.EmergencyArrivals;
import org.anxin.platform.order.ServiceFigures;
import org.anxin.platform.senior.Enrolment;
import org.anxin.platform.subsidy.SubsidyBudgets;
import org.anxin.platform.subsidy.SubsidySpend;
import org.anxin.platform.system.Money;
import org.anxin.platform.system.SeniorScope;
import org.springframework.stereotype.Service;

/**
 * Puts the dashboard together: each figure comes from the module that owns its table, one query
 * each (plus one for the seniors in scope, one for the scope's alarm ids and one for its order
 * ids, which narrow the dispatches and the time-bank entries, whose tables know no senior).
 */
@Service
class CityDashboard {
    static final String NO_BUDGET = "no subsidy budget is set for this node and every year of the period"
            + " (PUT /api/subsidy/budgets/{year}): the spend is set against the allowances granted to the wallets";
    static final String BUDGET_SHARE =
            "the budget is each month's twelfth of its year's budget for this node (the city when no node is chosen)";
    static final String CHOOSE_NODE = "choose a node to set the spend against its budget";

    private final Enrolment enrolment;
    private final DevicesOnline devices;
    private final AlarmFigures alarms;
    private final EmergencyArrivals emergencies;
    private final ServiceFigures services;
    private final Catalog catalog;
    private final SubsidySpend subsidy;
    private final SubsidyBudgets budgets;
    private final TimeBankFigures timeBank;
    private final AssessmentsDue assessments;
    private final DispatchProperties circles;
    private final CircleCoverage coverage;
    private final Clock clock;
    private final ZoneId zone;

    CityDashboard(
            Enrolment enrolment,
            DevicesOnline devices,
            AlarmFigures alarms,
            EmergencyArrivals emergencies,
            ServiceFigures services,
            Catalog catalog,
            SubsidySpend subsidy,
            SubsidyBudgets budgets,
            TimeBankFigures timeBank,
            AssessmentsDue assessments,
            DispatchProperties circles,
            CircleCoverage coverage,
            Clock clock,
            ZoneId zone) {
        this.enrolment = enrolment;
        this.devices = devices;
        this.alarms = alarms;
        this.emergencies = emergencies;
        this.services = services;
        this.catalog = catalog;
        this.subsidy = subsidy;
        this.budgets = budgets;
        this.timeBank = timeBank;
        this.assessments = assessments;
        this.circles = circles;
        this.coverage = coverage;
        this.clock = clock;
        this.zone = zone;
    }

    Period period(String from, String to) {
        return Period.parse(from, to, clock, zone);
    }

    Dashboard of(Period p, Reach.Scope scope) {
        SeniorScope seniors = scope.seniors();
        return new Dashboard(
                p.from(),
                p.to(),
                scope.area(),
                scope.areaName(),
                scope.communities() == null ? null : List.copyOf(scope.communities()),
                seniors(seniors),
                devices(seniors),
                alarms(p, seniors),
                answering(p, seniors),
                emergencyArrivals(p, seniors),
                serviceArrivals(p, seniors),
                coverage(seniors),
                services(p, seniors),
                subsidy(p, scope, seniors),
                timeBank.of(p, seniors),
                assessments(p, seniors));
    }

    private Dashboard.Seniors seniors(SeniorScope scope) {
        List<Enrolment.Count> counts = enrolment.count(scope);
        return new Dashboard.Seniors(
                counts.stream().mapToLong(Enrolment.Count::seniors).sum(),
                sum(counts, Enrolment.Count::community, Enrolment.Count::seniors),
                sum(counts, Enrolment.Count::livingSituation, Enrolment.Count::seniors));
    }

    private Dashboard.Devices devices(SeniorScope scope) {
        DevicesOnline.Count count = devices.count(scope);
        return new Dashboard.Devices(count.registered(), count.online());
    }

    private Dashboard.Alarms alarms(Period p, SeniorScope scope) {
        List<AlarmFigures.KindOutcome> rows = alarms.byKindAndOutcome(p.from(), p.to(), scope);
        return new Dashboard.Alarms(
                rows.stream().mapToLong(AlarmFigures.KindOutcome::alarms).sum(),
                sum(rows, AlarmFigures.KindOutcome::kind, AlarmFigures.KindOutcome::alarms),
                sum(rows, AlarmFigures.KindOutcome::outcome, AlarmFigures.KindOutcome::alarms));
    }

    private Dashboard.Answering answering(Period p, SeniorScope scope) {
        AlarmFigures.Answering a = alarms.answering(p.from(), p.to(), scope);
        return new Dashboard.Answering(
                a.alarms(),
                a.answered(),
                a.withinTarget(),
                a.targetSeconds(),
                AlarmFigures.TARGET_PERCENT,
                Dashboard.percent(a.withinTarget(), a.alarms()),
                a.medianSeconds(),
                a.p90Seconds());
    }

    private Dashboard.Arrivals emergencyArrivals(Period p, SeniorScope scope) {
        List<Long> alarmIds = scope.everyone() ? List.of() : alarms.ids(p.from(), p.to(), scope);
        EmergencyArrivals.Arrivals a = emergencies.of(p.from(), p.to(), scope.everyone(), alarmIds);
        return new Dashboard.Arrivals(
                circles.emergencyMinutes(),
                a.arrived(),
                a.withinCircle(),
                Dashboard.percent(a.withinCircle(), a.arrived()),
                a.medianSeconds(),
                a.p90Seconds());
    }

    private Dashboard.Arrivals serviceArrivals(Period p, SeniorScope scope) {
        int minutes = circles.serviceMinutes();
        ServiceFigures.Arrivals a = services.arrivals(p.from(), p.to(), scope, minutes * 60);
        return new Dashboard.Arrivals(
                minutes,
                a.arrived(),
                a.withinCircle(),
                Dashboard.percent(a.withinCircle(), a.arrived()),
                a.medianSeconds(),
                a.p90Seconds());
    }

    private Dashboard.Coverage coverage(SeniorScope scope) {
        CircleCoverage.Share share = coverage.emergency(enrolment.homes(scope).stream()
                .map(h -> new CircleCoverage.Home(h.lat(), h.lon()))
                .toList());
        return new Dashboard.Coverage(
                share.circleMinutes(),
                share.homes(),
                share.covered(),
                Dashboard.percent(share.covered(), share.homes()));
    }

    private Dashboard.Services services(Period p, SeniorScope scope) {
        List<ServiceFigures.ItemVolume> items = services.volume(p.from(), p.to(), scope);
        Map<Long, Catalog.Category> categories = catalog.categoriesOf(
                items.stream().map(ServiceFigures.ItemVolume::itemId).toList());
        Map<String, Dashboard.CategoryVolume> byCategory = new TreeMap<>();
        Map<String, Integer> position = new TreeMap<>();
        for (ServiceFigures.ItemVolume item : items) {
            Catalog.Category c = categories.get(item.itemId());
            String code = c == null ? "NONE" : c.code();
            position.put(code, c == null ? Integer.MAX_VALUE : c.position());
            Dashboard.CategoryVolume before = byCategory.get(code);
            byCategory.put(
                    code,
                    new Dashboard.CategoryVolume(
                            code,
                            c == null ? null : c.name(),
                            item.booked() + (before == null ? 0 : before.booked()),
                            item.served() + (before == null ? 0 : before.served())));
        }
        List<Dashboard.CategoryVolume> ordered = new ArrayList<>(byCategory.values());
        ordered.sort(Comparator.comparing(v -> position.get(v.category())));
        return new Dashboard.Services(
                items.stream().mapToLong(ServiceFigures.ItemVolume::booked).sum(),
                items.stream().mapToLong(ServiceFigures.ItemVolume::served).sum(),
                ordered);
    }

    private Dashboard.Subsidy subsidy(Period p, Reach.Scope reach, SeniorScope scope) {
        SubsidySpend.Spend s = subsidy.of(p.firstMonth(), p.lastMonth(), scope);
        // the node's budget: the chosen area's, or the city's for the city-wide view; an officer's
        // own node without a chosen area is not named here (its code is not in the scope)
        boolean named = reach.area() != null || reach.communities() == null;
        Money budget = named
                ? budgets.forMonths(reach.area(), p.firstMonth(), p.lastMonth()).orElse(null)
                : null;
        return new Dashboard.Subsidy(
                s.wallets(),
                s.allowance(),
                s.spent(),
                Dashboard.percent(s.spent().fen(), s.allowance().fen()),
                s.allowanceMinutes(),
                s.spentMinutes(),
                budget,
                budget != null ? BUDGET_SHARE : named ? NO_BUDGET : CHOOSE_NODE,
                budget == null ? null : Dashboard.percent(s.spent().fen(), budget.fen()));
    }

    private Dashboard.Assessments assessments(Period p, SeniorScope scope) {
        AssessmentsDue.Count c =
                assessments.count(p.firstDay(), p.lastDay(), LocalDate.now(clock.withZone(zone)), scope);
        return new Dashboard.Assessments(c.assessed(), c.dueInPeriod(), c.overdue());
    }

    /** Rows summed per key (null as NONE), largest first. */
    private static <T> List<Dashboard.Count> sum(List<T> rows, Function<T, String> key, Function<T, Long> count) {
        Map<String, Long> sums = new TreeMap<>();
        for (T row : rows) {
            sums.merge(key.apply(row) == null ? "NONE" : key.apply(row), count.apply(row), Long::sum);
        }
        return sums.entrySet().stream()
                .map(e -> new Dashboard.Count(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(Dashboard.Count::count).reversed().thenComparing(Dashboard.Count::key))
                .toList();
    }
}
