package org.anxin.gateway.device;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Event ids: random (version 4) UUIDs from {@link ThreadLocalRandom} rather than {@link
 * UUID#randomUUID()}, whose shared {@code SecureRandom} costs a lock and a read of the kernel's pool
 * per event on the hot path. An event id only has to be unique (the platform stores each event
 * once by it), not unguessable: nothing is authorised by knowing one.
 */
public final class EventIds {
    private EventIds() {}

    public static UUID next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
        return new UUID(high, low);
    }
}
