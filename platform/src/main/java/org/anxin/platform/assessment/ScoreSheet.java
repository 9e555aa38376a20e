package org.anxin.platform.assessment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.anxin.platform.system.ApiProblem;

/** The 26 scores as sent, checked item by item: every item present, none unknown, each within 0–its maximum. */
record ScoreSheet(Map<AbilityItem, Integer> scores) {

    static ScoreSheet of(Map<String, Integer> sent) {
        if (sent == null) {
            throw ApiProblem.badRequest(
                    "scores: give all " + AbilityItem.values().length + " items of GB/T 42195-2022");
        }
        Map<AbilityItem, Integer> scores = new EnumMap<>(AbilityItem.class);
        List<String> problems = new ArrayList<>();
        sent.forEach((name, score) -> {
            AbilityItem item = AbilityItem.named(name).orElse(null);
            if (item == null) {
                problems.add(name + " is no item of the standard");
            } else if (score == null || score < 0 || score > item.max()) {
                problems.add(item.name() + " (" + item.zh() + ") must be 0–" + item.max() + ", not " + score);
            } else if (scores.put(item, score) != null) {
                problems.add(item.name() + " is given twice");
            }
        });
        for (AbilityItem item : AbilityItem.values()) {
            if (!scores.containsKey(item) && problems.stream().noneMatch(p -> p.startsWith(item.name() + " "))) {
                problems.add(item.name() + " (" + item.code() + " " + item.zh() + ") is missing");
            }
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.badRequest("scores: " + String.join("; ", problems));
        }
        return new ScoreSheet(scores);
    }

    static ScoreSheet ofColumn(Integer[] column) {
        Map<AbilityItem, Integer> scores = new EnumMap<>(AbilityItem.class);
        for (AbilityItem item : AbilityItem.values()) {
            scores.put(item, column[item.ordinal()]);
        }
        return new ScoreSheet(scores);
    }

    Integer[] column() {
        return scores.values().toArray(Integer[]::new);
    }

    int score(AbilityItem item) {
        return scores.get(item);
    }

    Map<Dimension, Integer> dimensions() {
        Map<Dimension, Integer> sums = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            sums.put(d, 0);
        }
        scores.forEach((item, score) -> sums.merge(item.dimension(), score, Integer::sum));
        return sums;
    }

    int total() {
        return scores.values().stream().mapToInt(Integer::intValue).sum();
    }
}
