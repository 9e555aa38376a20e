package org.anxin.platform.dispatch;

import java.util.Locale;
import org.anxin.platform.system.ApiProblem;

/** A responder's duty: AVAILABLE for offers, BUSY (at capacity or by choice), or OFF. */
public enum ResponderStatus {
    AVAILABLE,
    BUSY,
    OFF;

    static ResponderStatus parse(String status) {
        try {
            return valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("status must be AVAILABLE, BUSY or OFF");
        }
    }
}
