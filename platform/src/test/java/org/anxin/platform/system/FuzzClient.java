package org.anxin.platform.system;

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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.anxin.platform.FakeTwilio;
import org.anxin.platform.TwilioWebhook;

/**
 * One caller of the API fuzz: a portal session (signed in by the login form, so the password is
 * checked once, not on every request) sending the session's CSRF token as the pages do, or no
 * session at all for the anonymous caller. Sends any method, content type and body.
 */
final class FuzzClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** What came back; status 0 when no answer came (the text says why). */
    record Answer(int status, String body) {}

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final String name;

    private FuzzClient(String baseUrl, String name) {
        this.baseUrl = baseUrl;
        this.name = name;
        cookies.setCookiePolicy(CookiePolicy.ACCEPT_ALL);
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                // no h2c upgrade: with it the JDK client can wait forever on a request the server already answered
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** A caller signed in as this user by the login form. */
    static FuzzClient signedIn(String baseUrl, String username, String password, String role) {
        FuzzClient client = new FuzzClient(baseUrl, role);
        PortalSession login = new PortalSession(baseUrl);
        String target = login.signIn(username, password);
        if (target.contains("error") || target.contains("locked")) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + target);
        }
        login.cookies().getCookieStore().getCookies().forEach(c -> client.cookies
                .getCookieStore()
                .add(URI.create(baseUrl), c));
        return client;
    }

    static FuzzClient anonymous(String baseUrl) {
        return new FuzzClient(baseUrl, "anonymous");
    }

    String name() {
        return name;
    }

    Answer send(ApiInputs.Request request) {
        String url = baseUrl + request.pathAndQuery();
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
        } catch (IllegalArgumentException e) {
            return new Answer(-1, "not a URL the client can send: " + e.getMessage());
        }
        builder.header("Accept", "application/json, application/problem+json, */*");
        if (request.form() != null) {
            builder.header("Content-Type", request.contentType());
            if (request.signed()) {
                builder.header(
                        "X-Twilio-Signature", TwilioWebhook.signature(FakeTwilio.AUTH_TOKEN, url, request.form()));
            }
            builder.POST(HttpRequest.BodyPublishers.ofString(form(request.form())));
        } else {
            if (!request.method().equals("GET")) {
                csrf().ifPresent(token -> builder.header("X-XSRF-TOKEN", token));
            }
            if (request.contentType() != null) {
                builder.header("Content-Type", request.contentType());
            }
            builder.method(
                    request.method(),
                    request.body() == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(request.body()));
        }
        CompletableFuture<HttpResponse<String>> pending =
                http.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofString());
        try {
            HttpResponse<String> response = pending.get(TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS);
            return new Answer(response.statusCode(), response.body());
        } catch (ExecutionException e) {
            return new Answer(0, "no answer: " + e.getCause());
        } catch (TimeoutException e) {
            pending.cancel(true);
            return new Answer(0, "no answer within " + (TIMEOUT.toSeconds() + 10) + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The session's CSRF token (the XSRF-TOKEN cookie), fetching one first if there is none yet. */
    private Optional<String> csrf() {
        Optional<String> token = cookie();
        if (token.isEmpty()) {
            send(new ApiInputs.Request("GET", "/api/csrf", null, null, null, false, true, "csrf"));
            token = cookie();
        }
        return token;
    }

    private Optional<String> cookie() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
