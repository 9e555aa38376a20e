package org.anxin.platform.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginProperties(3, 5, Duration.ofMinutes(15), Duration.ofMinutes(15)), Clock.systemUTC());

    @Test
    void locksAUserNameAtItsLimitWhateverTheCase() {
        assertThat(throttle.failed("Wang", "10.0.0.1")).isFalse();
        assertThat(throttle.failed("wang", "10.0.0.2")).isFalse();
        assertThat(throttle.refusal("wang", "10.0.0.3")).isEmpty();

        assertThat(throttle.failed("WANG", "10.0.0.4")).isTrue();

        assertThat(throttle.refusal("wang", "10.0.0.9"))
                .hasValueSatisfying(r -> assertThat(r).contains("locked"));
        assertThat(throttle.refusal("li", "10.0.0.9")).isEmpty();
        assertThat(throttle.locked()).extracting(LoginThrottle.Locked::username).containsExactly("wang");
    }

    @Test
    void refusesAnAddressThatGuessedAcrossManyNames() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user-" + i, "192.0.2.7");
        }

        assertThat(throttle.refusal("someone-else", "192.0.2.7"))
                .hasValueSatisfying(r -> assertThat(r).contains("address"));
        assertThat(throttle.refusal("someone-else", "192.0.2.8")).isEmpty();
    }

    @Test
    void aGoodSignInClearsTheUsersCountButNotALock() {
        throttle.failed("zhou", "10.0.0.1");
        throttle.failed("zhou", "10.0.0.1");
        throttle.succeeded("zhou");
        throttle.failed("zhou", "10.0.0.1");
        assertThat(throttle.refusal("zhou", null)).isEmpty();

        throttle.failed("zhou", null);
        assertThat(throttle.failed("zhou", null)).isTrue();
        throttle.succeeded("zhou");
        assertThat(throttle.refusal("zhou", null)).isPresent();
    }

    @Test
    void anAdministratorUnlocks() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("sun", null);
        }
        assertThat(throttle.unlock("sun")).isTrue();

        assertThat(throttle.refusal("sun", null)).isEmpty();
        assertThat(throttle.unlock("sun")).isFalse();
        assertThat(throttle.failed("sun", null)).isFalse();
    }
}
