package org.anxin.sim.city;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The platform's public REST API, as any script would call it (HTTP Basic, JSON). */
public final class PlatformClient {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String authorization;

    public PlatformClient(String baseUrl, String username, String password) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The same platform, signed in as another user. */
    public PlatformClient as(String username, String password) {
        return new PlatformClient(baseUrl, username, password);
    }

    public record Reply(int status, JsonNode body) {}

    public Reply get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    public Reply post(String path, Object body) throws IOException, InterruptedException {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    public Reply put(String path, Object body) throws IOException, InterruptedException {
        return send(request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", authorization)
                .header("Accept", "application/json");
    }

    private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
        return new Reply(response.statusCode(), body);
    }

    /** Fails with the platform's own problem detail when the reply is not the expected status. */
    static JsonNode expect(Reply reply, int status, String what) {
        if (reply.status() != status) {
            String detail = reply.body() != null && reply.body().has("detail")
                    ? reply.body().get("detail").asString()
                    : "";
            throw new IllegalStateException(what + ": HTTP " + reply.status() + " " + detail);
        }
        return reply.body();
    }
}
