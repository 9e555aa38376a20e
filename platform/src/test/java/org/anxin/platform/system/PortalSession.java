package org.anxin.platform.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.anxin.platform.HttpApi;
import tools.jackson.databind.JsonNode;

/**
 * A browser's view of the portal without a browser: a cookie jar, the login form with its CSRF
 * token, requests on the session cookie, and a live stream whose end can be seen.
 */
final class PortalSession {
    private final String baseUrl;
    private final HttpClient http;
    private final CookieManager cookies;

    PortalSession(String baseUrl) {
        this.baseUrl = baseUrl;
        this.cookies = new CookieManager();
        cookies.setCookiePolicy(CookiePolicy.ACCEPT_ALL);
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** The session's cookie jar (session and XSRF-TOKEN cookies). */
    CookieManager cookies() {
        return cookies;
    }

    /** Signs in by the login form; the redirect's target (e.g. {@code /} or {@code /login.html?locked}). */
    String signIn(String username, String password) {
        return form("/login", "username=" + enc(username) + "&password=" + enc(password))
                .headers()
                .firstValue("Location")
                .orElse("");
    }

    HttpResponse<String> signOut() {
        return form("/logout", "");
    }

    /** A form post with the session's CSRF token and these extra headers (name, value, …). */
    HttpResponse<String> form(String path, String fields, String... headers) {
        JsonNode csrf = HttpApi.JSON.readTree(get("/api/csrf").body());
        String body = fields + (fields.isEmpty() ? "" : "&")
                + csrf.get("parameterName").asString() + "="
                + enc(csrf.get("token").asString());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html") // as a browser posts a form: answered with a redirect
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", "application/json")
                .GET());
    }

    /** A JSON PUT as the portal's pages send it: the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header. */
    HttpResponse<String> put(String path, String json) {
        get("/api/csrf");
        String token = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(java.net.HttpCookie::getValue)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no XSRF-TOKEN cookie"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", token)
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Opens the alarm stream on this session; {@link Stream#ended()} turns true when the server ends it. */
    Stream stream() {
        try {
            HttpResponse<InputStream> response = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/api/alarms/stream"))
                            .header("Accept", "text/event-stream")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            return new Stream(response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static final class Stream {
        private final HttpResponse<InputStream> response;
        private final AtomicBoolean ended = new AtomicBoolean();
        private final AtomicBoolean hello = new AtomicBoolean();

        Stream(HttpResponse<InputStream> response) {
            this.response = response;
            Thread reader = new Thread(this::read, "portal-stream");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (InputStream in = response.body()) {
                StringBuilder seen = new StringBuilder();
                int b;
                while ((b = in.read()) >= 0) {
                    seen.append((char) b);
                    if (seen.indexOf("event:hello") >= 0) {
                        hello.set(true);
                    }
                }
            } catch (IOException e) {
                // a reset connection is an end too
            }
            ended.set(true);
        }

        int status() {
            return response.statusCode();
        }

        boolean open() {
            return hello.get() && !ended.get();
        }

        boolean ended() {
            return ended.get();
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("HTTP request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
