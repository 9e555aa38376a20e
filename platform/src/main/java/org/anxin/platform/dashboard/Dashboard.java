package org.anxin.platform.dashboard;

import java.time.Instant;
import java.util.List;
import org.anxin.platform.system.Money;

/**
 * The city dashboard's figures for a period and a node of the hierarchy. {@code communities} is
 * null for the whole city. Each figure names the list it comes from in the portal (see
 * dashboard.js).
 */
record Dashboard(
        Instant from,
        Instant to,
        String area,
        String areaName,
        List<String> communities,
        Seniors seniors,
        Devices devices,
        Alarms alarms,
        Answering answering,
        Arrivals emergencyArrivals,
        Arrivals serviceArrivals,
        Coverage coverage,
        Services services,
        Subsidy subsidy,
        TimeBank timeBank,
        Assessments assessments) {

    /** A count under a key: a community, a living situation, an alarm kind, an outcome. */
    record Count(String key, long count) {}

    /** Seniors enrolled now (key NONE: no community or living situation recorded). */
    record Seniors(long total, List<Count> byCommunity, List<Count> byLivingSituation) {}

    record Devices(long registered, long online) {}

    /** Alarms raised in the period, by kind and by outcome (OPEN, FALSE_ALARM, CANCELLED or the resolution). */
    record Alarms(long total, List<Count> byKind, List<Count> byOutcome) {}

    /** Answer times: share answered within the target, against the target share; seconds null for none. */
    record Answering(
            long alarms,
            long answered,
            long withinTarget,
            int targetSeconds,
            double targetPercent,
            Double withinTargetPercent,
            Double medianSeconds,
            Double p90Seconds) {}

    /** Arrivals of the period against the circle (10 min for emergencies, 15 for home services by default). */
    record Arrivals(
            int circleMinutes,
            long arrived,
            long withinCircle,
            Double withinCirclePercent,
            Double medianSeconds,
            Double p90Seconds) {}

    /**
     * Coverage of the emergency circle now: seniors with a home position, and those an available
     * responder with the emergency skill can reach inside the circle.
     */
    record Coverage(int circleMinutes, long seniors, long covered, Double coveredPercent) {}

    record CategoryVolume(String category, String name, long booked, long served) {}

    /** Home-service orders whose window starts in the period (not cancelled), and those served. */
    record Services(long booked, long served, List<CategoryVolume> byCategory) {}

    /**
     * Subsidy wallets of the months the period touches: allowance granted and spent, and the spend
     * against the node's budget for those months ({@code budget} null when none is set for every
     * year of the period, or no node is named; {@code budgetNote} says which).
     */
    record Subsidy(
            long wallets,
            Money allowance,
            Money spent,
            Double spentPercent,
            long allowanceMinutes,
            long spentMinutes,
            Money budget,
            String budgetNote,
            Double budgetSpentPercent) {}

    /** Time-bank hours of the period: earned by volunteers, spent on services, donated. */
    record TimeBank(long entries, double earnedHours, double spentHours, double donatedHours) {}

    /** Seniors assessed; of them, re-assessment due in the period, and overdue today. */
    record Assessments(long assessed, long dueInPeriod, long overdue) {}

    static Double percent(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }

    static double hours(long minutes) {
        return Math.round(Math.abs(minutes) * 100.0 / 60) / 100.0;
    }
}
