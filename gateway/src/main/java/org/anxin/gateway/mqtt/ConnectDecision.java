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

    /** Blocking (Redis): runs on a worker thread. One look-up per CONNECT (admission control off). */
    static ConnectDecision decide(MqttConnectMessage connect, DeviceDirectory directory, SocketAddress remote) {
        ConnectDecision malformed = malformed(connect);
        if (malformed != null) {
            return malformed;
        }
        Optional<Registration> registration;
        try {
            registration = directory.find(connect.payload().clientIdentifier());
        } catch (RuntimeException e) {
            return registryUnavailable(isMqtt5(connect), e);
        }
        return decide(connect, registration, directory, remote);
    }

    /**
     * Not a login the registry can check: no client id, a user name that is not the client id, or
     * no password; null when the CONNECT is well formed. Needs no Redis.
     */
    static ConnectDecision malformed(MqttConnectMessage connect) {
        String clientId = connect.payload().clientIdentifier();
        String username = connect.payload().userName();
        byte[] password = connect.payload().passwordInBytes();
        if (clientId == null || clientId.isEmpty() || !clientId.equals(username) || password == null) {
            return refused(
                    isMqtt5(connect),
                    "client id and username must both be the device id, with a password",
                    "bad_credentials");
        }
        return null;
    }

    /**
     * The decision for a well-formed CONNECT (see {@link #malformed}) whose registration was
     * already looked up. May block (Redis) for a device group's networks not yet cached.
     */
    static ConnectDecision decide(
            MqttConnectMessage connect,
            Optional<Registration> registration,
            DeviceDirectory directory,
            SocketAddress remote) {
        boolean v5 = isMqtt5(connect);
        byte[] password = connect.payload().passwordInBytes();
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
            return registryUnavailable(v5, e);
        }
        if (outside != null) {
            // the right secret from the wrong network: the answer a wrong secret gets
            return refused(v5, outside, "network_not_allowed");
        }
        return new ConnectDecision(MqttConnectReturnCode.CONNECTION_ACCEPTED, "accepted", null);
    }

    /** Redis did not answer the look-up: try again later (not the device's fault). */
    static ConnectDecision registryUnavailable(boolean v5, RuntimeException cause) {
        return new ConnectDecision(
                v5
                        ? MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE_5
                        : MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE,
                "device registry unreachable: " + cause.getMessage(),
                "registry_unavailable");
    }

    /**
     * More CONNECTs wait for the registry than admission control allows: MQTT 5 "Server busy"
     * (0x89), MQTT 3.1.1 "Server unavailable" (0x03), the closest that version has. Either tells
     * the device to come back later, not that its credentials are wrong.
     */
    static ConnectDecision busy(boolean v5) {
        return new ConnectDecision(
                v5
                        ? MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_BUSY
                        : MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE,
                "server busy: too many CONNECTs waiting for the device registry",
                "server_busy");
    }

    static boolean isMqtt5(MqttConnectMessage connect) {
        return connect.variableHeader().version() == MqttVersion.MQTT_5.protocolLevel();
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
