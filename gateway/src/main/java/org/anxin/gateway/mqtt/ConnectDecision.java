package org.anxin.gateway.mqtt;

import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttVersion;
import java.net.SocketAddress;
import java.util.Optional;
import java.util.Set;
import org.anxin.gateway.forward.DeviceDirectory;
import org.anxin.gateway.forward.DeviceDirectory.Registration;

/**
 * Whether a CONNECT may proceed: client id = username = a registered MQTT (or {@code app}) device,
 * right secret, from a source address its device group allows (if it has a group with networks).
 *
 * @param reason for the log line
 * @param refusal the {@code reason} tag of the refused-connections metric; null when accepted
 */
record ConnectDecision(MqttConnectReturnCode code, String reason, String refusal) {
    /** Registered protocols that speak MQTT: devices, and phones running the SOS page ({@code app}). */
    static final Set<String> MQTT_PROTOCOLS = Set.of("mqtt", "app");

    boolean accepted() {
        return code == MqttConnectReturnCode.CONNECTION_ACCEPTED;
    }

    /** Blocking (Redis): runs on a worker thread. */
    static ConnectDecision decide(MqttConnectMessage connect, DeviceDirectory directory, SocketAddress remote) {
        boolean v5 = connect.variableHeader().version() == MqttVersion.MQTT_5.protocolLevel();
        String clientId = connect.payload().clientIdentifier();
        String username = connect.payload().userName();
        byte[] password = connect.payload().passwordInBytes();
        if (clientId == null || clientId.isEmpty() || !clientId.equals(username) || password == null) {
            return refused(v5, "client id and username must both be the device id, with a password", "bad_credentials");
        }
        Optional<Registration> registration;
        try {
            registration = directory.find(clientId);
        } catch (RuntimeException e) {
            return new ConnectDecision(
                    v5
                            ? MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE_5
                            : MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE,
                    "device registry unreachable: " + e.getMessage(),
                    "registry_unavailable");
        }
        if (registration.isEmpty()) {
            return refused(v5, "unknown device", "unregistered");
        }
        if (!MQTT_PROTOCOLS.contains(registration.get().protocol())) {
            return refused(
                    v5,
                    "device is registered for protocol " + registration.get().protocol(),
                    "unregistered");
        }
        if (!DeviceDirectory.secretMatches(registration.get(), password)) {
            return refused(v5, "wrong secret", "bad_credentials");
        }
        String outside;
        try {
            outside = directory.networkRefusal(registration.get(), remote);
        } catch (RuntimeException e) {
            return new ConnectDecision(
                    v5
                            ? MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE_5
                            : MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE,
                    "device registry unreachable: " + e.getMessage(),
                    "registry_unavailable");
        }
        if (outside != null) {
            // the right secret from the wrong network: the answer a wrong secret gets
            return refused(v5, outside, "network_not_allowed");
        }
        return new ConnectDecision(MqttConnectReturnCode.CONNECTION_ACCEPTED, "accepted", null);
    }

    /** The refusal an unknown device gets, for an address refused before any look-up. */
    static ConnectDecision refusedAsUnknown(boolean v5) {
        return refused(v5, "too many failed logins from the address", "rate_limited");
    }

    private static ConnectDecision refused(boolean v5, String reason, String refusal) {
        return new ConnectDecision(
                v5
                        ? MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED_5
                        : MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED,
                reason,
                refusal);
    }
}
