package org.anxin.gateway.device;

/** A device payload that breaks the event contract; the reason is safe to log. */
public final class RejectedPayload extends Exception {
    public RejectedPayload(String reason) {
        super(reason, null, false, false);
    }
}
