package org.anxin.platform.dispatch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The home-service ranking: the matcher's order, except that the workers of a provider graded D
 * for the latest completed quarter ({@link ProviderStanding}) come after every other candidate,
 * still in the matcher's order among themselves. Nobody is left out: a D provider's worker is
 * still offered an order nobody else can take. Emergencies never pass through here: an alarm is
 * offered by the matcher's order alone, whatever the grades.
 */
@Component
class HomeServiceRanking {
    private final JdbcClient db;
    private final ObjectProvider<ProviderStanding> standing;

    HomeServiceRanking(JdbcClient db, ObjectProvider<ProviderStanding> standing) {
        this.db = db;
        this.standing = standing;
    }

    List<Matcher.Candidate> rank(List<Matcher.Candidate> candidates) {
        ProviderStanding grades = standing.getIfAvailable();
        if (grades == null || candidates.isEmpty()) {
            return candidates;
        }
        Map<Long, Long> providerOf = providersOf(
                candidates.stream().map(Matcher.Candidate::responderId).toList());
        Set<Long> demoted = grades.demoted(Set.copyOf(providerOf.values()));
        if (demoted.isEmpty()) {
            return candidates;
        }
        List<Matcher.Candidate> first = new ArrayList<>();
        List<Matcher.Candidate> last = new ArrayList<>();
        for (Matcher.Candidate c : candidates) {
            if (demoted.contains(providerOf.get(c.responderId()))) {
                last.add(c.demote());
            } else {
                first.add(c);
            }
        }
        first.addAll(last);
        return first;
    }

    private Map<Long, Long> providersOf(Collection<Long> responderIds) {
        Map<Long, Long> providers = new TreeMap<>();
        db.sql("select id, provider_id from responders where id = any(?)")
                .param(responderIds.toArray(Long[]::new))
                .query((rs, n) -> Map.entry(rs.getLong("id"), rs.getLong("provider_id")))
                .list()
                .forEach(e -> providers.put(e.getKey(), e.getValue()));
        return providers;
    }
}
