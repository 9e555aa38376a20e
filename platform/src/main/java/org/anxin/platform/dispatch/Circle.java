package org.anxin.platform.dispatch;

import java.util.Locale;
import org.anxin.platform.system.ApiProblem;

/**
 * The service circle a dispatch must reach the senior in: emergencies 10 minutes, home services
 * 15 (configurable, {@link DispatchProperties}); an emergency nobody takes is widened to the
 * service circle. Written {@code emergency}/{@code service} in the API and the database.
 */
public enum Circle {
    EMERGENCY,
    SERVICE;

    /** As the API and the {@code dispatches.kind} column write it. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Circle parse(String code) {
        for (Circle c : values()) {
            if (c.code().equals(code)) {
                return c;
            }
        }
        throw ApiProblem.badRequest("kind must be emergency or service");
    }
}
