package org.anxin.sim.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's REST API through one signed-in session, the way the portal uses it: the login
 * form once, then the session cookie and the CSRF token ({@code XSRF-TOKEN} cookie echoed as the
 * {@code X-XSRF-TOKEN} header). HTTP Basic would do too, but the platform then checks the bcrypt
 * password hash on every request (tens of milliseconds of CPU each), which would make
 * registering ten thousand devices take minutes and load the box during a measurement.
 */
public final class ApiSession {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String baseUrl;

    private ApiSession(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static ApiSession signIn(LoadOptions.Platform platform) throws IOException, InterruptedException {
        ApiSession session = new ApiSession(platform.baseUrl());
        session.csrf();
        String form = "username=" + URLEncoder.encode(platform.user(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(platform.password(), StandardCharsets.UTF_8);
        HttpResponse<String> login = session.http.send(
                session.request("/login")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-XSRF-TOKEN", session.xsrf())
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("signing in to " + platform.baseUrl() + " as " + platform.user()
                    + " failed: HTTP " + login.statusCode() + " " + location);
        }
        session.csrf(); // the login replaced the token
        return session;
    }

    /** POST with a JSON body; fails with the platform's problem detail unless the status is {@code expected}. */
    CompletableFuture<JsonNode> post(String path, Object body, int expected) {
        HttpRequest request = request(path)
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", xsrf())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            JsonNode json =
                    response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
            if (response.statusCode() != expected) {
                String detail =
                        json != null && json.has("detail") ? json.get("detail").asString() : "";
                throw new IllegalStateException("POST " + path + ": HTTP " + response.statusCode() + " " + detail);
            }
            return json;
        });
    }

    /** A long-lived GET, e.g. the Server-Sent Events feed. */
    HttpResponse<InputStream> stream(String path) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("Accept", "text/event-stream")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IllegalStateException("GET " + path + ": HTTP " + response.statusCode());
        }
        return response;
    }

    private void csrf() throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(request("/api/csrf").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || xsrf().isEmpty()) {
            throw new IllegalStateException("GET " + baseUrl + "/api/csrf: HTTP " + response.statusCode()
                    + (xsrf().isEmpty() ? ", no XSRF-TOKEN cookie" : ""));
        }
    }

    private String xsrf() {
        for (HttpCookie cookie : cookies.getCookieStore().getCookies()) {
            if (cookie.getName().equals("XSRF-TOKEN")) {
                return cookie.getValue();
            }
        }
        return "";
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
    }
}
