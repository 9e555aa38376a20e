package org.anxin.platform.grading;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.anxin.platform.callcenter.ComplaintFigures;
import org.anxin.platform.dispatch.ProviderStanding;
import org.anxin.platform.dispatch.Responders;
import org.anxin.platform.followup.FollowUpFigures;
import org.anxin.platform.order.ProviderFigures;
import org.springframework.stereotype.Service;

/**
 * Grades computed on read from the owning modules' records, so any quarter's grade can be worked
 * out again (and changes if, say, an anomaly is cleared or a late rating comes in): visits,
 * anomalies and ratings from {@code order}, complaints from {@code callcenter}, follow-up answers
 * from {@code followup}. The latest completed quarter's D grades order the dispatcher's home
 * services ({@link ProviderStanding}).
 */
@Service
class ProviderGrades implements ProviderStanding {
    private final ProviderFigures visits;
    private final FollowUpFigures followUps;
    private final ComplaintFigures complaints;
    private final Responders responders;
    private final WeightStore weights;
    private final Clock clock;
    private final ZoneId zone;

    ProviderGrades(
            ProviderFigures visits,
            FollowUpFigures followUps,
            ComplaintFigures complaints,
            Responders responders,
            WeightStore weights,
            Clock clock,
            ZoneId zone) {
        this.visits = visits;
        this.followUps = followUps;
        this.complaints = complaints;
        this.responders = responders;
        this.weights = weights;
        this.clock = clock;
        this.zone = zone;
    }

    Quarter current() {
        return Quarter.of(clock.instant(), zone);
    }

    /** The last quarter that has ended: the one whose grades count for ranking. */
    Quarter lastCompleted() {
        return current().previous();
    }

    /** The grades of the quarter for these providers (null: every provider), by provider id. */
    List<ProviderGrade> of(Quarter q, Collection<Long> providerIds) {
        Instant from = q.start(zone);
        Instant to = q.end(zone);
        boolean provisional = clock.instant().isBefore(to);
        Map<Long, String> names = new HashMap<>();
        responders.providers().forEach(p -> names.put(p.id(), p.name()));
        Set<Long> ids = new TreeSet<>(providerIds == null ? names.keySet() : providerIds);
        ids.retainAll(names.keySet());
        Map<Long, ProviderFigures.Visits> byProvider = visits.visits(from, to, ids);
        Map<Long, List<Long>> visitIds = visits.visitIds(from, to, ids);
        Map<Long, Long> providerOf = new HashMap<>();
        visitIds.forEach((provider, orders) -> orders.forEach(o -> providerOf.put(o, provider)));
        Map<Long, List<FollowUpFigures.Answer>> answers = followUps.answers(providerOf.keySet()).stream()
                .collect(Collectors.groupingBy(a -> providerOf.get(a.orderId())));
        Map<Long, Long> complained = complaints.byProvider(from, to);
        GradingWeights w = weights.current();
        List<ProviderGrade> grades = new ArrayList<>();
        for (long id : ids) {
            ProviderFigures.Visits v = byProvider.get(id);
            List<FollowUpFigures.Answer> a = answers.getOrDefault(id, List.of());
            List<Integer> satisfied = a.stream()
                    .filter(FollowUpFigures.Answer::reached)
                    .map(FollowUpFigures.Answer::satisfied)
                    .filter(s -> s != null)
                    .toList();
            ProviderGrade.Counts counts = new ProviderGrade.Counts(
                    v == null ? 0 : v.visits(),
                    v == null ? 0 : v.onTime(),
                    v == null ? 0 : v.verified(),
                    v == null ? 0 : v.anomalies(),
                    v == null ? 0 : v.flaggedVisits(),
                    v == null ? 0 : v.ratings(),
                    v == null ? null : v.meanStars(),
                    complained.getOrDefault(id, 0L),
                    a.size(),
                    a.stream().filter(FollowUpFigures.Answer::reached).count(),
                    satisfied.isEmpty()
                            ? null
                            : satisfied.stream()
                                    .mapToInt(Integer::intValue)
                                    .average()
                                    .orElseThrow());
            grades.add(ProviderGrade.of(id, names.get(id), q, provisional, counts, w));
        }
        return grades;
    }

    /** The provider's last {@code count} quarters up to the current one (provisional), oldest first. */
    List<ProviderGrade> trend(long providerId, int count) {
        List<ProviderGrade> trend = new ArrayList<>();
        Quarter q = current();
        for (int i = 0; i < count - 1; i++) {
            q = q.previous();
        }
        for (int i = 0; i < count; i++, q = q.next()) {
            trend.addAll(of(q, List.of(providerId)));
        }
        return trend;
    }

    @Override
    public Set<Long> demoted(Collection<Long> providerIds) {
        if (providerIds.isEmpty()) {
            return Set.of();
        }
        return of(lastCompleted(), providerIds).stream()
                .filter(ProviderGrade::flagged)
                .map(ProviderGrade::providerId)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
