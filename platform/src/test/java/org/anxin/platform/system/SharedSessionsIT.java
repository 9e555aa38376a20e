package org.anxin.platform.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.anxin.platform.HttpApi;
import org.anxin.platform.PlatformApplication;
import org.anxin.platform.PlatformBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two platform nodes on one PostgreSQL and one Redis, as behind a load balancer: a portal login
 * made on one node is valid on the other, and a logout on one ends it on both.
 */
class SharedSessionsIT {
    private static final String ADMIN_PASSWORD = "sessions-admin-pass";
    private static ConfigurableApplicationContext node1;
    private static ConfigurableApplicationContext node2;
    private static Path dataDir1;
    private static Path dataDir2;

    @BeforeAll
    static void twoNodes() throws IOException {
        Path dataDir = Files.createTempDirectory("anxin-sessions-it-");
        dataDir1 = dataDir;
        dataDir2 = Files.createTempDirectory("anxin-sessions-it-2-");
        node1 = new SpringApplicationBuilder(PlatformApplication.class)
                .run(
                        "--server.port=0",
                        "--anxin.data-dir=" + dataDir,
                        "--anxin.db.url=",
                        "--anxin.redis.url=",
                        "--anxin.embedded.db-port=0",
                        "--anxin.embedded.redis-port=0",
                        "--anxin.admin-password=" + ADMIN_PASSWORD);
        String jdbcUrl = node1.getBean(HikariDataSource.class).getJdbcUrl();
        String dbPassword =
                Files.readString(dataDir.resolve("postgres.password")).strip();
        String redisUrl = node1.getBean(RedisEndpoint.class).uri();
        node2 = new SpringApplicationBuilder(PlatformApplication.class)
                .run(
                        "--server.port=0",
                        "--anxin.data-dir=" + dataDir2,
                        "--anxin.db.url=" + jdbcUrl,
                        "--anxin.db.user=postgres",
                        "--anxin.db.password=" + dbPassword,
                        "--anxin.redis.url=" + redisUrl,
                        "--anxin.admin-password=" + ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (node2 != null) {
            node2.close();
        }
        if (node1 != null) {
            node1.close();
        }
        for (Path dir : new Path[] {dataDir2, dataDir1}) {
            if (dir != null) {
                PlatformBase.deleteOnceStopped(dir);
            }
        }
    }

    @Test
    void aPortalLoginOnOneNodeIsValidOnTheOtherAndLogoutEndsItOnBoth() throws Exception {
        Browser browser = new Browser();
        browser.logIn(baseUrl(node1), "admin", ADMIN_PASSWORD);
        String session = browser.cookie("JSESSIONID");

        assertThat(me(node2, session).statusCode()).isEqualTo(200);
        assertThat(HttpApi.JSON
                        .readTree(me(node2, session).body())
                        .get("username")
                        .asString())
                .isEqualTo("admin");
        assertThat(me(node1, session).statusCode()).isEqualTo(200);

        browser.logOut(baseUrl(node1));

        assertThat(me(node2, session).statusCode()).isEqualTo(401);
        assertThat(me(node1, session).statusCode()).isEqualTo(401);
    }

    @Test
    void aPasswordResetOnOneNodeEndsTheUsersSessionOnTheOther() throws Exception {
        HttpApi adminOnNode2 = new HttpApi(baseUrl(node2), "admin", ADMIN_PASSWORD);
        adminOnNode2
                .post(
                        "/api/users",
                        java.util.Map.of("username", "sessions-lin", "password", "lin-pass-1", "role", "OPERATOR"))
                .expect(201);
        Browser browser = new Browser();
        browser.logIn(baseUrl(node1), "sessions-lin", "lin-pass-1");
        String session = browser.cookie("JSESSIONID");
        assertThat(me(node1, session).statusCode()).isEqualTo(200);

        adminOnNode2
                .put("/api/users/sessions-lin/password", java.util.Map.of("password", "lin-pass-2"))
                .expect(204);

        assertThat(me(node1, session).statusCode()).isEqualTo(401);
        assertThat(me(node2, session).statusCode()).isEqualTo(401);
    }

    @Test
    void aSessionUnknownToRedisIsNotSignedIn() throws Exception {
        assertThat(me(node2, "bm90LWEtc2Vzc2lvbg").statusCode()).isEqualTo(401);
    }

    private static HttpResponse<String> me(ConfigurableApplicationContext node, String session) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl(node) + "/api/me"))
                .header("Cookie", "JSESSIONID=" + session)
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String baseUrl(ConfigurableApplicationContext node) {
        return "http://127.0.0.1:" + node.getEnvironment().getRequiredProperty("local.server.port");
    }

    /** What the portal's login page does: fetch the CSRF token, post the form, keep the cookies. */
    private static final class Browser {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        void logIn(String baseUrl, String username, String password) throws Exception {
            HttpResponse<String> login = postForm(
                    baseUrl + "/login",
                    "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
                            + encode(csrfToken(baseUrl)));
            assertThat(login.statusCode()).isEqualTo(302);
            assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        }

        void logOut(String baseUrl) throws Exception {
            HttpResponse<String> logout = postForm(baseUrl + "/logout", "_csrf=" + encode(csrfToken(baseUrl)));
            assertThat(logout.statusCode()).isEqualTo(302);
            assertThat(logout.headers().firstValue("Location").orElse("")).contains("logout");
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals(name))
                    .map(HttpCookie::getValue)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + name + " cookie"));
        }

        private String csrfToken(String baseUrl) throws Exception {
            HttpResponse<String> csrf = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/api/csrf")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(csrf.statusCode()).isEqualTo(200);
            return HttpApi.JSON.readTree(csrf.body()).get("token").asString();
        }

        private HttpResponse<String> postForm(String url, String form) throws Exception {
            return http.send(
                    HttpRequest.newBuilder(URI.create(url))
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
}
