package org.anxin.gateway.mqtt;

import io.netty.channel.Channel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.anxin.gateway.forward.DeviceDirectory;
import org.anxin.gateway.forward.HandOff;
import org.anxin.gateway.forward.RejectedPayloads;
import org.anxin.gateway.forward.SessionRegistry;
import org.anxin.gateway.server.GatewayMetrics;
import org.anxin.gateway.server.LoginFailures;

/** What the MQTT handlers of one gateway share. */
public final class MqttContext {
    final DeviceDirectory directory;
    final SessionRegistry sessions;
    final HandOff handOff;
    final ExecutorService workers;
    final int maxKeepAliveSeconds;
    final GatewayMetrics metrics;
    final RejectedPayloads rejected;
    final LoginFailures loginFailures;
    /** Null: admission control off, every CONNECT looked up on its own on {@link #workers}. */
    final ConnectAdmission admission;

    final Map<String, Channel> connections = new ConcurrentHashMap<>();

    /** {@code admission} null turns admission control for CONNECTs off. */
    public MqttContext(
            DeviceDirectory directory,
            SessionRegistry sessions,
            HandOff handOff,
            ExecutorService workers,
            int maxKeepAliveSeconds,
            GatewayMetrics metrics,
            RejectedPayloads rejected,
            LoginFailures loginFailures,
            ConnectAdmission admission) {
        this.admission = admission;
        this.directory = directory;
        this.sessions = sessions;
        this.handOff = handOff;
        this.workers = workers;
        this.maxKeepAliveSeconds = maxKeepAliveSeconds;
        this.metrics = metrics;
        this.rejected = rejected;
        this.loginFailures = loginFailures;
    }

    public DeviceDirectory directory() {
        return directory;
    }

    public SessionRegistry sessions() {
        return sessions;
    }

    /** Open device connections on this node. */
    public int connectionCount() {
        return connections.size();
    }
}
