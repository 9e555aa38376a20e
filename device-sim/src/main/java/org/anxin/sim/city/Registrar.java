package org.anxin.sim.city;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Registers the city's people and devices through the REST API, idempotently across restarts. */
final class Registrar {
    private final PlatformClient platform;
    private final CityState state;

    Registrar(PlatformClient platform, CityState state) {
        this.platform = platform;
        this.state = state;
    }

    long senior(String key, City.Resident resident) throws IOException, InterruptedException {
        Long known = state.seniors.get(key);
        if (known != null && platform.get("/api/seniors/" + known).status() == 200) {
            return known;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", resident.name());
        body.put("phone", resident.phone());
        body.put("address", resident.address());
        body.put("lat", resident.lat());
        body.put("lon", resident.lon());
        long id = PlatformClient.expect(platform.post("/api/seniors", body), 201, "register senior " + key)
                .get("id")
                .asLong();
        state.seniors.put(key, id);
        return id;
    }

    /** The device's secret: kept from an earlier run, issued now, or rotated if it was lost. */
    String mqttDevice(String deviceId, long seniorId) throws IOException, InterruptedException {
        String known = state.deviceSecrets.get(deviceId);
        PlatformClient.Reply existing = platform.get("/api/devices/" + deviceId);
        if (existing.status() == 200 && known != null) {
            return known;
        }
        String secret;
        if (existing.status() == 200) {
            secret = PlatformClient.expect(
                            platform.post("/api/devices/" + deviceId + "/secret", Map.of()),
                            200,
                            "rotate secret of " + deviceId)
                    .get("secret")
                    .asString();
        } else {
            JsonNode created = PlatformClient.expect(
                    platform.post("/api/devices", Map.of("id", deviceId, "protocol", "mqtt", "seniorId", seniorId)),
                    201,
                    "register device " + deviceId);
            secret = created.get("secret").asString();
        }
        state.deviceSecrets.put(deviceId, secret);
        return secret;
    }

    void responder(String username, City.Resident resident) throws IOException, InterruptedException {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("password", Base64.getUrlEncoder().withoutPadding().encodeToString(random));
        body.put("role", "RESPONDER");
        body.put("displayName", resident.name());
        body.put("phone", resident.phone());
        body.put("seniorIds", List.of());
        PlatformClient.Reply reply = platform.post("/api/users", body);
        if (reply.status() != 201 && reply.status() != 409) {
            PlatformClient.expect(reply, 201, "register responder " + username);
        }
    }
}
