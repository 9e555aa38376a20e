package org.anxin.bench;

import io.moquette.broker.Server;
import java.io.IOException;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moquette as bench/mqtt-ingest.sh runs it: {@code java -cp … org.anxin.bench.MoquetteLauncher
 * HOST PORT}. In memory (persistence off), anonymous clients allowed, epoll and a listen backlog
 * of 4096 like the Anxin gateway, and no telemetry (Moquette phones home by default).
 */
public final class MoquetteLauncher {
    private static final Logger log = LoggerFactory.getLogger(MoquetteLauncher.class);

    private MoquetteLauncher() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: MoquetteLauncher HOST PORT");
        }
        Properties config = new Properties();
        config.setProperty("host", args[0]);
        config.setProperty("port", args[1]);
        config.setProperty("websocket_port", "disabled");
        config.setProperty("allow_anonymous", "true");
        config.setProperty("persistence_enabled", "false");
        config.setProperty("telemetry_enabled", "false");
        config.setProperty("use_metrics", "false");
        config.setProperty("use_bugsnag", "false");
        config.setProperty("netty.epoll", "true");
        config.setProperty("netty.so_backlog", "4096");
        config.setProperty("netty.mqtt.message_size", "16384");

        Server server = new Server();
        server.startServer(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.stopServer();
                            stopped.countDown();
                        },
                        "moquette-stop"));
        log.warn("Moquette {} listening on {}:{}", Server.MOQUETTE_VERSION, args[0], server.getPort());
        stopped.await();
    }
}
