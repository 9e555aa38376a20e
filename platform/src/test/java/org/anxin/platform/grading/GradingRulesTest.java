package org.anxin.platform.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.anxin.platform.system.ApiProblem;
import org.junit.jupiter.api.Test;

/** Quarters of the city's calendar, the weights' validation and the grade lines. */
class GradingRulesTest {
    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private static GradingWeights weights(double a, double b, double c, double... w) {
        return new GradingWeights(w[0], w[1], w[2], w[3], w[4], w[5], a, b, c, null, null);
    }

    @Test
    void aQuarterRunsFromItsFirstDayToTheNextQuartersInCityTime() {
        Quarter q4 = Quarter.parse("2026q4");

        assertThat(q4.start(CITY)).isEqualTo(Instant.parse("2026-09-30T16:00:00Z"));
        assertThat(q4.end(CITY)).isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
        assertThat(q4.next()).hasToString("2027Q1");
        assertThat(Quarter.parse("2027Q1").previous()).isEqualTo(q4);
        // 1 October 00:30 in the city is still 30 September in UTC
        assertThat(Quarter.of(Instant.parse("2026-09-30T16:30:00Z"), CITY)).isEqualTo(q4);
        assertThat(Quarter.of(LocalDate.of(2026, 9, 30))).hasToString("2026Q3");
    }

    @Test
    void aQuarterWrittenOtherwiseIsRefused() {
        for (String bad : new String[] {"2026-10", "2026Q5", "2026Q0", "Q4", "", "1999Q1"}) {
            assertThatThrownBy(() -> Quarter.parse(bad)).as(bad).isInstanceOf(ApiProblem.class);
        }
        assertThatThrownBy(() -> Quarter.parse(null)).isInstanceOf(ApiProblem.class);
    }

    @Test
    void weightsMustBeNonNegativeWithAPositiveSumAndOrderedLines() {
        assertThat(weights(90, 75, 60, 25, 25, 10, 20, 10, 10).checked()).isNotNull();
        assertThat(weights(90, 75, 0, 0, 0, 0, 0, 0, 1).checked()).isNotNull();
        assertThatThrownBy(() -> weights(90, 75, 60, -1, 25, 10, 20, 10, 10).checked())
                .hasMessageContaining("at least 0");
        assertThatThrownBy(() -> weights(90, 75, 60, 0, 0, 0, 0, 0, 0).checked())
                .hasMessageContaining("above 0");
        assertThatThrownBy(() -> weights(75, 75, 60, 1, 1, 1, 1, 1, 1).checked())
                .hasMessageContaining("ordered");
        assertThatThrownBy(() -> weights(101, 75, 60, 1, 1, 1, 1, 1, 1).checked())
                .hasMessageContaining("ordered");
        assertThatThrownBy(() -> weights(90, 75, -1, 1, 1, 1, 1, 1, 1).checked())
                .hasMessageContaining("ordered");
    }

    @Test
    void theGradeIsTheHighestLineTheScoreReaches() {
        GradingWeights w = weights(90, 75, 60, 1, 1, 1, 1, 1, 1);

        assertThat(w.grade(90)).isEqualTo("A");
        assertThat(w.grade(89.9)).isEqualTo("B");
        assertThat(w.grade(75)).isEqualTo("B");
        assertThat(w.grade(60)).isEqualTo("C");
        assertThat(w.grade(59.9)).isEqualTo("D");
        assertThat(w.grade(0)).isEqualTo("D");
    }

    @Test
    void aFigureWithNothingToMeasureIsLeftOutOfTheScoreAndNoVisitsMeansNoGrade() {
        GradingWeights w = weights(90, 75, 60, 25, 25, 10, 20, 10, 10);
        // every visit on time and verified, no rating and no follow-up: scored over the other 70 of weight
        ProviderGrade perfect = ProviderGrade.of(
                1,
                "p",
                Quarter.parse("2026Q3"),
                false,
                new ProviderGrade.Counts(4, 4, 4, 0, 0, 0, null, 0, 0, 0, null),
                w);
        ProviderGrade none = ProviderGrade.of(
                2,
                "q",
                Quarter.parse("2026Q3"),
                false,
                new ProviderGrade.Counts(0, 0, 0, 0, 0, 0, null, 0, 0, 0, null),
                w);

        assertThat(perfect.score()).isEqualTo(100.0);
        assertThat(perfect.grade()).isEqualTo("A");
        assertThat(perfect.meanRating()).isNull();
        assertThat(none.score()).isNull();
        assertThat(none.grade()).isNull();
        assertThat(none.flagged()).isFalse();
    }
}
