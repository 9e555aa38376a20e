package org.anxin.platform.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TravelAndRankingTest {
    private final StraightLineTravel travel = new StraightLineTravel(1.3, 1.2, 4.2, 6.9);

    @Test
    void etaIsDistanceTimesDetourOverSpeed() {
        assertThat(travel.etaSeconds(TravelMode.WALK, 300)).isEqualTo(325); // 300 × 1.3 / 1.2 = 325
        assertThat(travel.etaSeconds(TravelMode.EBIKE, 1500)).isEqualTo(465); // 464.3 rounded up
        assertThat(travel.etaSeconds(TravelMode.CAR, 3000)).isEqualTo(566); // 565.2 rounded up
    }

    @Test
    void theSearchRadiusIsWhatAModeCoversInTheCircle() {
        assertThat(travel.reachMeters(TravelMode.WALK, 600)).isCloseTo(553.8, org.assertj.core.data.Offset.offset(0.1));
        assertThat(travel.reachMeters(TravelMode.CAR, 600)).isCloseTo(3184.6, org.assertj.core.data.Offset.offset(0.1));
        // anyone found inside the radius arrives within the circle
        assertThat(travel.etaSeconds(TravelMode.CAR, travel.reachMeters(TravelMode.CAR, 600)))
                .isLessThanOrEqualTo(600);
    }

    @Test
    void refusesNonsenseSettings() {
        assertThatThrownBy(() -> new StraightLineTravel(0.9, 1.2, 4.2, 6.9))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StraightLineTravel(1.3, 0, 4.2, 6.9)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scoreIsEtaPlusLoadMinusRating() {
        // a job already in hand costs two minutes; each rating point above 4.5 gains one
        assertThat(Matcher.score(300, 0, 4.5)).isEqualTo(300);
        assertThat(Matcher.score(300, 1, 4.5)).isEqualTo(420);
        assertThat(Matcher.score(300, 0, 5.0)).isEqualTo(270);
        // so a busier responder 100 s nearer ranks behind an idle one
        assertThat(Matcher.score(200, 1, 4.5)).isGreaterThan(Matcher.score(300, 0, 4.5));
    }

    @Test
    void theRankingRatingBlendsTheResponderWithTheirProvider() {
        // both rated: 0.7 × own + 0.3 × provider's
        assertThat(Matcher.rankingRating(5.0, 3, 3.0)).isCloseTo(4.4, org.assertj.core.data.Offset.offset(1e-9));
        // not rated yet: the provider's alone
        assertThat(Matcher.rankingRating(4.5, 0, 2.0)).isEqualTo(2.0);
        // the provider not rated yet: the responder's own (4.5 until rated)
        assertThat(Matcher.rankingRating(4.0, 2, null)).isEqualTo(4.0);
        assertThat(Matcher.rankingRating(4.5, 0, null)).isEqualTo(4.5);
        // a provider's fall costs its responders rank: 60 s per point of the blend
        assertThat(Matcher.score(300, 0, Matcher.rankingRating(4.5, 1, 1.5)))
                .isGreaterThan(Matcher.score(300, 0, Matcher.rankingRating(4.5, 1, 4.5)));
        assertThat(Matcher.score(300, 0, Matcher.rankingRating(4.5, 0, 2.5))).isEqualTo(420);
    }

    @Test
    void shiftsMayRunOverMidnight() {
        ResponderState night = new ResponderState(
                1, "夜班", TravelMode.WALK, Set.of("FIRST_AID"), LocalTime.of(22, 0), LocalTime.of(6, 0), 0, 1, 4.5);
        assertThat(night.onShift(LocalTime.of(23, 30))).isTrue();
        assertThat(night.onShift(LocalTime.of(5, 59))).isTrue();
        assertThat(night.onShift(LocalTime.of(6, 0))).isFalse();
        assertThat(night.onShift(LocalTime.of(12, 0))).isFalse();
        ResponderState always = new ResponderState(2, "全天", TravelMode.CAR, Set.of(), null, null, 0, 1, 4.5);
        assertThat(always.onShift(LocalTime.of(3, 0))).isTrue();
    }

    @Test
    void stateSurvivesItsRedisEncoding() {
        ResponderState state = new ResponderState(
                7,
                "王|师傅",
                TravelMode.EBIKE,
                Set.of("FIRST_AID", "NURSING"),
                LocalTime.of(8, 0),
                LocalTime.of(17, 30),
                1,
                2,
                4.8);
        ResponderState back = ResponderState.decode(7, state.encode());
        assertThat(back.name()).isEqualTo("王 师傅");
        assertThat(back.skills()).containsExactlyInAnyOrder("FIRST_AID", "NURSING");
        assertThat(back.shiftEnd()).isEqualTo(LocalTime.of(17, 30));
        assertThat(back.load()).isEqualTo(1);
        assertThat(back.capacity()).isEqualTo(2);
        assertThat(back.rating()).isEqualTo(4.8);
        assertThat(back.area()).isNull();
        assertThat(back.serves(0, 0)).isTrue();
    }

    @Test
    void aServiceAreaSurvivesTheEncodingAndBoundsWhereTheResponderServes() {
        ServiceArea area = new ServiceArea(30.5928, 114.3055, 1000);
        ResponderState state =
                new ResponderState(8, "李", TravelMode.WALK, Set.of("FIRST_AID"), null, null, 0, 1, 4.5, area);
        ResponderState back = ResponderState.decode(8, state.encode());
        assertThat(back.area()).isEqualTo(area);
        assertThat(back.serves(30.5928 + 900 / 111_195.0, 114.3055)).isTrue();
        assertThat(back.serves(30.5928 + 1100 / 111_195.0, 114.3055)).isFalse();
    }
}
