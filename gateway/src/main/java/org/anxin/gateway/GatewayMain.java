package org.anxin.gateway;

import java.util.concurrent.CountDownLatch;
import org.anxin.gateway.server.GatewayConfig;
import org.anxin.gateway.server.GatewayServer;
import org.anxin.gateway.server.MqttWebSocketConfig;
import org.anxin.gateway.server.ProxyProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts one gateway node from the {@code ANXIN_*} environment and runs until stopped. */
public final class GatewayMain {
    private static final Logger log = LoggerFactory.getLogger(GatewayMain.class);

    private GatewayMain() {}

    public static void main(String[] args) throws InterruptedException {
        GatewayServer server;
        try {
            server = GatewayServer.start(
                    GatewayConfig.fromEnv(), MqttWebSocketConfig.fromEnv(), ProxyProtocol.fromEnv());
        } catch (IllegalArgumentException e) {
            log.error("cannot start the gateway: {}", e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                server.close();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            } finally {
                                stopped.countDown();
                            }
                        },
                        "gateway-shutdown"));
        stopped.await();
    }
}
