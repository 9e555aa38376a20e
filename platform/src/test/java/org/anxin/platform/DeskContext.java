package org.anxin.platform;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A context of its own for the alarm desk and the dispatcher: a clock the tests move, fast
 * timers, and Twilio played by a local fake that the real SDK talks to. Shared by its
 * subclasses; the clock only moves forward, so each test works on its own devices, seniors
 * and places.
 */
@Import(MutableClock.Config.class)
public abstract class DeskContext extends PlatformBase {
    protected static final FakeTwilio TWILIO = new FakeTwilio();
    private static final Path DATA = newDataDir();

    @Autowired
    protected MutableClock clock;

    @DynamicPropertySource
    static void desk(DynamicPropertyRegistry registry) {
        embedded(registry, DATA);
        registry.add("anxin.twilio.account-sid", () -> FakeTwilio.ACCOUNT_SID);
        registry.add("anxin.twilio.auth-token", () -> FakeTwilio.AUTH_TOKEN);
        registry.add("anxin.twilio.from", () -> FakeTwilio.FROM);
        registry.add("anxin.twilio.api-base-url", TWILIO::baseUrl);
        registry.add("anxin.escalation.tick-ms", () -> "200");
        registry.add("anxin.dispatch.tick-ms", () -> "200");
        registry.add("anxin.alarms.silence-check-ms", () -> "300");
        registry.add("anxin.notify.sweep-ms", () -> "1000");
        // no follow-up calls queued unless a test asks for them (FollowUpIT), so timelines stay exact
        registry.add("anxin.follow-ups.share", () -> "0");
        registry.add("anxin.timebank.sweep-ms", () -> "500");
    }
}
