package org.anxin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * What the portal's login page does: fetch the CSRF token, post the form, keep the cookies; then
 * requests with the session cookie alone (the session lives in Redis, Spring Session).
 */
final class PortalLogin {
    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    PortalLogin(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    void logIn(String username, String password) throws Exception {
        HttpResponse<String> login = postForm(
                "/login", "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + csrfToken());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
    }

    void logOut() throws Exception {
        HttpResponse<String> logout = postForm("/logout", "_csrf=" + csrfToken());
        assertThat(logout.statusCode()).isEqualTo(302);
    }

    String session() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no JSESSIONID cookie"));
    }

    /** {@code GET /api/me} with only the session cookie: its status and body. */
    HttpResponse<String> me(String session) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/api/me"))
                                .header("Cookie", "JSESSIONID=" + session)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private String csrfToken() throws Exception {
        HttpResponse<String> csrf = http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/api/csrf")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(csrf.statusCode()).isEqualTo(200);
        return encode(Api.JSON.readTree(csrf.body()).get("token").asString());
    }

    private HttpResponse<String> postForm(String path, String form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
