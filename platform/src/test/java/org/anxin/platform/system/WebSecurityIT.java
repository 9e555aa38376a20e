package org.anxin.platform.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anxin.platform.HttpApi;
import org.anxin.platform.PlatformIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The web tier's defences over real HTTP: CSP, the session cookie, throttled sign-ins, passwords and sessions. */
class WebSecurityIT extends PlatformIT {

    private PortalSession browser() {
        return new PortalSession("http://127.0.0.1:" + port);
    }

    @Test
    void everyPageGetsAContentSecurityPolicyWithoutInlineScripts() {
        for (String page : List.of("/login.html", "/operator.html", "/family.html", "/audit.html", "/account.html")) {
            HttpResponse<String> response = browser().get(page);
            String policy =
                    response.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(policy).as(page).contains("script-src 'self';").contains("object-src 'none'");
            String scripts =
                    policy.substring(policy.indexOf("script-src"), policy.indexOf(';', policy.indexOf("script-src")));
            assertThat(scripts).as(page).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        }
    }

    @Test
    void officersLandOnTheCityDashboardAfterSigningIn() {
        String n = Long.toString(System.nanoTime() % 1_000_000);
        admin().post("/api/areas", Map.of("code", "LD" + n, "name", "落地区" + n, "level", "DISTRICT"))
                .expect(201);
        admin().post("/api/areas", Map.of("code", "LS" + n, "name", "落地街道" + n, "level", "STREET", "parent", "LD" + n))
                .expect(201);
        createUser("land-bureau-" + n, "land-pass-1", "BUREAU");
        admin().post(
                        "/api/users",
                        Map.of(
                                "username",
                                "land-street-" + n,
                                "password",
                                "land-pass-1",
                                "role",
                                "STREET",
                                "area",
                                "LS" + n))
                .expect(201);
        admin().post(
                        "/api/users",
                        Map.of(
                                "username",
                                "land-community-" + n,
                                "password",
                                "land-pass-1",
                                "role",
                                "COMMUNITY",
                                "community",
                                "落地社区" + n))
                .expect(201);
        createUser("land-family-" + n, "land-pass-1", "FAMILY");

        for (String officer : List.of("land-bureau-", "land-street-", "land-community-")) {
            assertThat(landing(officer + n)).as(officer).endsWith("/dashboard.html");
        }
        assertThat(landing("land-family-" + n)).endsWith("/family.html");
    }

    /** Where the portal's home sends the user after the login form's redirect to it. */
    private String landing(String username) {
        PortalSession session = browser();
        assertThat(session.signIn(username, "land-pass-1")).endsWith("/");
        return session.get("/").headers().firstValue("Location").orElse("");
    }

    @Test
    void theSessionCookieIsSameSiteLaxHttpOnlyAndSecureBehindATlsProxy() {
        createUser("cookie-wu", "cookie-pass-1", "OPERATOR");

        String plain = sessionCookie(browser().form("/login", "username=cookie-wu&password=cookie-pass-1"));
        String behindTls = sessionCookie(
                browser().form("/login", "username=cookie-wu&password=cookie-pass-1", "X-Forwarded-Proto", "https"));

        assertThat(plain).contains("SameSite=Lax").contains("HttpOnly").doesNotContain("Secure");
        assertThat(behindTls).contains("SameSite=Lax").contains("HttpOnly").contains("Secure");
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
    }

    @Test
    void twentyWrongPasswordsLockTheUserUntilAnAdministratorUnlocksIt() {
        createUser("lock-li", "lock-pass-right", "OPERATOR");
        createUser("lock-op", "lock-op-pass-1", "OPERATOR");
        HttpApi guesser = as("lock-li", "wrong-guess");

        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(guesser.get("/api/me").status());
        }

        assertThat(answers.subList(0, 10)).containsOnly(401);
        assertThat(answers.subList(10, 20)).containsOnly(429);
        HttpApi.Response refused = as("lock-li", "lock-pass-right").get("/api/me");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("detail").asString()).contains("locked");
        assertThat(admin().get("/api/users/locked")
                        .expect(200)
                        .json()
                        .valueStream()
                        .map(l -> l.get("username").asString()))
                .contains("lock-li");
        assertThat(as("lock-op", "lock-op-pass-1")
                        .delete("/api/users/lock-li/lock")
                        .status())
                .isEqualTo(403);

        admin().delete("/api/users/lock-li/lock").expect(204);

        assertThat(as("lock-li", "lock-pass-right")
                        .get("/api/me")
                        .expect(200)
                        .json()
                        .get("username")
                        .asString())
                .isEqualTo("lock-li");
        assertThat(admin().delete("/api/users/lock-li/lock").status()).isEqualTo(404);
        JsonNode audit = admin().get("/api/audit?objectType=user&objectId=lock-li")
                .expect(200)
                .json();
        assertThat(audit.valueStream().map(e -> e.get("action").asString()))
                .contains("ACCOUNT_LOCKED", "ACCOUNT_UNLOCKED")
                .filteredOn("SIGN_IN_FAILED"::equals)
                .hasSize(10);
    }

    @Test
    void theLoginFormSendsALockedUserToTheLockNotice() {
        createUser("lock-form", "lock-form-right", "OPERATOR");
        PortalSession session = browser();
        for (int i = 0; i < 10; i++) {
            assertThat(session.signIn("lock-form", "wrong-" + i)).endsWith("/login.html?error");
        }

        assertThat(session.signIn("lock-form", "lock-form-right")).endsWith("/login.html?locked");
    }

    @Test
    void usersChangeTheirOwnPasswordProvingTheCurrentOne() {
        createUser("self-zhao", "self-pass-old", "FAMILY");
        HttpApi user = as("self-zhao", "self-pass-old");

        HttpApi.Response wrong =
                user.put("/api/me/password", Map.of("currentPassword", "not-it", "newPassword", "self-pass-new"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("detail").asString()).contains("currentPassword");
        assertThat(user.put("/api/me/password", Map.of("currentPassword", "self-pass-old", "newPassword", "short"))
                        .status())
                .isEqualTo(400);
        assertThat(as("self-zhao", "self-pass-old").get("/api/me").status()).isEqualTo(200);

        user.put("/api/me/password", Map.of("currentPassword", "self-pass-old", "newPassword", "self-pass-new"))
                .expect(204);

        assertThat(as("self-zhao", "self-pass-old").get("/api/me").status()).isEqualTo(401);
        assertThat(as("self-zhao", "self-pass-new").get("/api/me").status()).isEqualTo(200);
        assertThat(admin().get("/api/audit?action=PASSWORD_CHANGED&objectId=self-zhao")
                        .expect(200)
                        .json()
                        .valueStream()
                        .map(e -> e.get("actor").asString()))
                .containsExactly("self-zhao");
    }

    @Test
    void aPasswordResetEndsTheUsersSessionsAndTheirLiveStreams() {
        createUser("reset-sun", "reset-pass-1", "OPERATOR");
        PortalSession session = browser();
        assertThat(session.signIn("reset-sun", "reset-pass-1")).doesNotContain("error");
        assertThat(session.get("/api/me").statusCode()).isEqualTo(200);
        PortalSession.Stream stream = session.stream();
        await(stream::open);

        admin().put("/api/users/reset-sun/password", Map.of("password", "reset-pass-2"))
                .expect(204);

        await(stream::ended);
        HttpResponse<String> api = session.get("/api/me");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("password changed");
        assertThat(session.get("/api/me").statusCode()).isEqualTo(401);
        assertThat(browser().signIn("reset-sun", "reset-pass-2")).doesNotContain("error");
    }

    @Test
    void aPageOfASessionAPasswordResetEndedGoesToTheLoginPageWithANotice() {
        createUser("reset-wu", "reset-pass-1", "OPERATOR");
        PortalSession session = browser();
        session.signIn("reset-wu", "reset-pass-1");
        assertThat(session.get("/account.html").statusCode()).isEqualTo(200);

        admin().put("/api/users/reset-wu/password", Map.of("password", "reset-pass-2"))
                .expect(204);

        HttpResponse<String> page = session.get("/account.html");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login.html?expired");
    }

    @Test
    void changingOnesOwnPasswordEndsTheOtherSessionsButNotThisOne() {
        createUser("own-qian", "own-pass-1", "OPERATOR");
        PortalSession here = browser();
        PortalSession elsewhere = browser();
        here.signIn("own-qian", "own-pass-1");
        elsewhere.signIn("own-qian", "own-pass-1");
        PortalSession.Stream hereStream = here.stream();
        PortalSession.Stream elsewhereStream = elsewhere.stream();
        await(() -> hereStream.open() && elsewhereStream.open());

        assertThat(here.put("/api/me/password", "{\"currentPassword\":\"own-pass-1\",\"newPassword\":\"own-pass-2\"}")
                        .statusCode())
                .isEqualTo(204);

        await(elsewhereStream::ended);
        assertThat(elsewhere.get("/api/me").statusCode()).isEqualTo(401);
        assertThat(here.get("/api/me").statusCode()).isEqualTo(200);
        assertThat(hereStream.open()).isTrue();
    }

    @Test
    void signingOutEndsTheSessionsLiveStream() {
        createUser("out-zheng", "out-pass-1", "OPERATOR");
        PortalSession session = browser();
        session.signIn("out-zheng", "out-pass-1");
        PortalSession.Stream stream = session.stream();
        await(stream::open);

        HttpResponse<String> out = session.signOut();
        assertThat(out.headers().firstValue("Location").orElse(""))
                .as("%s %s %s", out.statusCode(), out.headers().map(), out.body())
                .endsWith("/login.html?logout");

        await(stream::ended);
    }

    @Test
    void aUserHoldsAtMostFiveLiveStreamsTheOldestGivesWay() {
        createUser("cap-feng", "cap-pass-1", "OPERATOR");
        PortalSession session = browser();
        session.signIn("cap-feng", "cap-pass-1");
        List<PortalSession.Stream> streams = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            PortalSession.Stream stream = session.stream();
            await(stream::open);
            streams.add(stream);
        }

        PortalSession.Stream sixth = session.stream();

        await(() -> sixth.open() && streams.get(0).ended());
        assertThat(streams.subList(1, 5)).allMatch(PortalSession.Stream::open);
    }
}
