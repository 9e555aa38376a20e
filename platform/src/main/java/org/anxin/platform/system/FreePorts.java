package org.anxin.platform.system;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A free loopback port for a server about to start ({@code ANXIN_EMBEDDED_DB_PORT=0} and
 * {@code ANXIN_EMBEDDED_REDIS_PORT=0}, and tests). Drawn below Linux's ephemeral range
 * (32768-60999): a port the kernel hands out for {@code new ServerSocket(0)} comes from that
 * range, and on a busy machine some outgoing connection may take it before the server binds it
 * (seen as PostgreSQL's "could not bind ... Address already in use" under a parallel load).
 */
public final class FreePorts {
    private static final int FROM = 20_000;
    private static final int TO = 32_000;

    private FreePorts() {}

    /** A port in 20000-31999 that nothing listens on at the moment. */
    public static int pick() throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FROM, TO);
            if (free(port)) {
                return port;
            }
        }
        throw new IOException("no free port between " + FROM + " and " + TO);
    }

    /** True if this process could bind the loopback port now. */
    public static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
