package org.anxin.platform.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GB/T 42195-2022 §6: the score bands on both sides of every boundary, and the adjustments. */
class LevelRulesTest {

    @Test
    void theItemMaximaAddUpToTheStandardsNinetyPointsPerDimension() {
        assertThat(AbilityItem.values()).hasSize(26);
        assertThat(AbilityItem.MAX_TOTAL).isEqualTo(90);
        assertThat(sum(Dimension.SELF_CARE)).isEqualTo(32);
        assertThat(sum(Dimension.BASIC_MOBILITY)).isEqualTo(15);
        assertThat(sum(Dimension.MENTAL_STATE)).isEqualTo(28);
        assertThat(sum(Dimension.PERCEPTION_AND_SOCIAL)).isEqualTo(15);
    }

    @ParameterizedTest(name = "total {0} is {1}")
    @CsvSource({
        "90, INTACT",
        "89, MILD",
        "66, MILD",
        "65, MODERATE",
        "46, MODERATE",
        "45, SEVERE",
        "30, SEVERE",
        "29, LOST",
        "0, LOST"
    })
    void theTotalFallsIntoTheStandardsBands(int total, AbilityLevel level) {
        LevelRules.Result result = LevelRules.apply(total, false, false, 0);
        assertThat(result.byTotal()).isEqualTo(level);
        assertThat(result.level()).isEqualTo(level);
        assertThat(result.adjustments()).isEmpty();
    }

    @Test
    void aComaIsAbilityLostWhateverTheScores() {
        LevelRules.Result result = LevelRules.apply(90, true, false, 0);
        assertThat(result.byTotal()).isEqualTo(AbilityLevel.INTACT);
        assertThat(result.level()).isEqualTo(AbilityLevel.LOST);
        assertThat(result.adjustments()).containsExactly("COMA");
    }

    @Test
    void aDementiaDiagnosisRaisesTheLevelByOneAtTheBoundary() {
        assertThat(LevelRules.apply(66, false, true, 0).level()).isEqualTo(AbilityLevel.MODERATE);
        assertThat(LevelRules.apply(65, false, true, 0).level()).isEqualTo(AbilityLevel.SEVERE);
        assertThat(LevelRules.apply(90, false, true, 0).level()).isEqualTo(AbilityLevel.MILD);
    }

    @Test
    void twoRiskEventsInThirtyDaysRaiseTheLevelButOneDoesNot() {
        assertThat(LevelRules.apply(46, false, false, 1).level()).isEqualTo(AbilityLevel.MODERATE);
        LevelRules.Result two = LevelRules.apply(46, false, false, 2);
        assertThat(two.level()).isEqualTo(AbilityLevel.SEVERE);
        assertThat(two.adjustments()).containsExactly("RISK_EVENTS");
    }

    @Test
    void bothCriteriaRaiseTwiceButNeverBeyondAbilityLost() {
        LevelRules.Result both = LevelRules.apply(66, false, true, 3);
        assertThat(both.byTotal()).isEqualTo(AbilityLevel.MILD);
        assertThat(both.level()).isEqualTo(AbilityLevel.SEVERE);
        assertThat(both.adjustments()).containsExactly("MENTAL_DIAGNOSIS", "RISK_EVENTS");
        assertThat(LevelRules.apply(30, false, true, 2).level()).isEqualTo(AbilityLevel.LOST);
        assertThat(LevelRules.apply(0, false, true, 2).level()).isEqualTo(AbilityLevel.LOST);
    }

    @Test
    void aTotalOutsideZeroToNinetyIsRefused() {
        assertThatThrownBy(() -> LevelRules.apply(91, false, false, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LevelRules.apply(-1, false, false, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int sum(Dimension dimension) {
        return Arrays.stream(AbilityItem.values())
                .filter(i -> i.dimension() == dimension)
                .mapToInt(AbilityItem::max)
                .sum();
    }
}
