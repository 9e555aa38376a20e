package org.anxin.platform.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class MoneyTest {
    private final JsonMapper json = JsonMapper.builder().build();

    record Priced(Money price) {}

    @Test
    void readsYuanWithUpToTwoDecimalsExactly() {
        assertThat(Money.ofYuan("80").fen()).isEqualTo(8000);
        assertThat(Money.ofYuan(" 0.5 ").fen()).isEqualTo(50);
        assertThat(Money.ofYuan(new BigDecimal("12.34")).fen()).isEqualTo(1234);
        assertThat(Money.ofYuan(new BigDecimal("7.100")).fen()).isEqualTo(710);
        assertThat(Money.ofYuan("-3.05").fen()).isEqualTo(-305);
    }

    @Test
    void showsYuanAsTwoDecimalText() {
        assertThat(Money.ofFen(8000).yuan()).isEqualTo("80.00");
        assertThat(Money.ofFen(5).yuan()).isEqualTo("0.05");
        assertThat(Money.ofFen(-250).yuan()).isEqualTo("-2.50");
        assertThat(Money.ofFen(123).decimal()).isEqualByComparingTo("1.23");
        assertThat(Money.ofFen(8000)).hasToString("80.00 yuan");
    }

    @Test
    void refusesAThirdDecimalRatherThanRoundingIt() {
        assertThatThrownBy(() -> Money.ofYuan("1.005"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two decimals");
        assertThatThrownBy(() -> Money.ofYuan("eighty"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an amount");
        assertThatThrownBy(() -> Money.ofYuan((BigDecimal) null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesFenAndYuanInJson() {
        assertThat(json.writeValueAsString(Money.ofFen(8000))).isEqualTo("{\"fen\":8000,\"yuan\":\"80.00\"}");
    }

    @Test
    void readsBackWhatItWrites() {
        for (Money m : List.of(Money.ZERO, Money.ofFen(1), Money.ofFen(8000), Money.ofFen(-1999))) {
            Priced back = json.readValue(json.writeValueAsString(new Priced(m)), Priced.class);
            assertThat(back.price()).isEqualTo(m);
        }
    }

    @Test
    void readsEitherFenOrYuanFromJson() {
        assertThat(json.readValue("{\"fen\":8000}", Money.class)).isEqualTo(Money.ofFen(8000));
        assertThat(json.readValue("{\"yuan\":\"80.5\"}", Money.class)).isEqualTo(Money.ofFen(8050));
        assertThat(json.readValue("{\"fen\":8050,\"yuan\":\"80.50\"}", Money.class))
                .isEqualTo(Money.ofFen(8050));
    }

    @Test
    void refusesJsonWhoseFenAndYuanDisagree() {
        assertThatThrownBy(() -> json.readValue("{\"fen\":8000,\"yuan\":\"80.01\"}", Money.class))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("disagree");
    }

    @Test
    void refusesJsonWithThreeDecimalsOrNoAmount() {
        assertThatThrownBy(() -> json.readValue("{\"yuan\":\"80.001\"}", Money.class))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("two decimals");
        assertThatThrownBy(() -> json.readValue("{}", Money.class))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("fen or yuan");
    }

    @Test
    void addsAndComparesWithoutRounding() {
        Money a = Money.ofYuan("0.10");
        Money b = Money.ofYuan("0.20");
        assertThat(a.plus(b)).isEqualTo(Money.ofYuan("0.30"));
        assertThat(b.minus(a).times(3)).isEqualTo(Money.ofFen(30));
        assertThat(a.min(b)).isEqualTo(a);
        assertThat(a.compareTo(b)).isNegative();
        assertThat(Money.ZERO.isZero()).isTrue();
        assertThat(a.minus(b).isNegative()).isTrue();
    }
}
