package org.anxin.platform.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.anxin.platform.FakeTwilio;
import org.anxin.platform.PlatformBase;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The API fuzz (issue 18 item 6): every operation of {@code /v3/api-docs}, as every role and as
 * nobody, with generated and mutated path ids, query parameters and bodies ({@link ApiInputs}),
 * against the real platform on its embedded PostgreSQL and Redis. No answer may be a 5xx or carry
 * a stack trace, and an unsigned Twilio webhook is refused with 403. All failures are collected
 * and reported together. {@code -Dapifuzz.tries=N} requests per operation and role (ADMIN, whose
 * requests pass every role check, gets four times as many); {@code -Dapifuzz.seed=S} repeats a run.
 * A context of its own: the fuzz leaves junk data that other tests must not see.
 */
class ApiFuzzIT extends PlatformBase {
    private static final Logger log = LoggerFactory.getLogger(ApiFuzzIT.class);
    private static final FakeTwilio TWILIO = new FakeTwilio();
    private static final Path DATA = newDataDir();
    private static final Pattern STACK_TRACE = Pattern.compile(
            "java\\.lang\\.|\\bat (org|java|jdk|sun|tools|com)\\.[\\w.$]+\\(|[A-Za-z]+Exception: |\\tat ");
    private static final int MAX_SHOWN = 150;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        embedded(registry, DATA);
        registry.add("anxin.twilio.account-sid", () -> FakeTwilio.ACCOUNT_SID);
        registry.add("anxin.twilio.auth-token", () -> FakeTwilio.AUTH_TOKEN);
        registry.add("anxin.twilio.from", () -> FakeTwilio.FROM);
        registry.add("anxin.twilio.api-base-url", TWILIO::baseUrl);
        // a fuzzed POST /api/plans runs the solver: a second, not ten, per plan
        registry.add("anxin.planning.seconds", () -> "1");
    }

    @AfterAll
    static void stopTwilio() {
        TWILIO.close();
    }

    @Test
    void everyOperationAsEveryRoleAnswersWithoutServerErrorOrStackTrace() {
        JsonNode docs = Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .ignoreExceptions()
                .until(() -> anonymous().get("/v3/api-docs").expect(200).json(), doc -> doc != null);
        List<ApiOperation> operations = new ArrayList<>(ApiOperation.all(docs));
        assertCoversEveryHandler(operations);

        long seed = seed();
        ApiInputs inputs = new ApiInputs(docs, existing());
        List<FuzzClient> callers = callers();
        // the caller's own account last: failed password changes count towards its lock
        operations.sort(Comparator.comparing(ApiOperation::touchesOwnAccount));
        int tries = Integer.getInteger("apifuzz.tries", 3);

        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int sent = 0;
        int fuzzed = 0;
        for (ApiOperation operation : operations) {
            if (operation.stream()) {
                continue; // a live stream never ends by itself: its ITs (PortalIT, SharedSessionsIT …) test it
            }
            fuzzed++;
            log.info("API fuzz: {} ({} of {})", operation, fuzzed, operations.size());
            for (FuzzClient caller : callers) {
                Random random = new Random(seed ^ ((long) (operation + " " + caller.name()).hashCode() << 21));
                int n = caller.name().equals("ADMIN") ? tries * 4 : tries;
                for (int i = 0; i < n; i++) {
                    ApiInputs.Request request = inputs.next(operation, random);
                    FuzzClient.Answer answer = caller.send(request);
                    if (answer.status() < 0) {
                        continue; // not sendable by the client at all (no request was made)
                    }
                    sent++;
                    statuses.merge(answer.status(), 1, Integer::sum);
                    String problem = problem(operation, caller, request, answer);
                    if (problem != null) {
                        String failure = operation + " as " + caller.name() + ": " + problem + "\n    request: "
                                + request + "\n    answer: " + abbreviate(answer.body());
                        log.warn("API fuzz failure: {}", failure);
                        failures.add(failure);
                    }
                }
            }
        }
        log.info(
                "API fuzz (seed {}): {} operations documented, {} fuzzed, {} callers, {} requests, statuses {}",
                seed,
                operations.size(),
                fuzzed,
                callers.size(),
                sent,
                statuses);
        assertThat(sent).as("requests sent").isGreaterThan(fuzzed * callers.size());
        // sessions held and ids existed: a good share got through to an answer (not only refusals)
        int accepted = statuses.entrySet().stream()
                .filter(s -> s.getKey() / 100 == 2)
                .mapToInt(Map.Entry::getValue)
                .sum();
        assertThat(accepted).as("2xx answers of %d requests", sent).isGreaterThan(sent / 20);
        assertThat(failures)
                .as(
                        "%d of %d requests failed (-Dapifuzz.seed=%d); the first %d:%n%s",
                        failures.size(),
                        sent,
                        seed,
                        Math.min(MAX_SHOWN, failures.size()),
                        String.join("\n", failures.subList(0, Math.min(MAX_SHOWN, failures.size()))))
                .isEmpty();
    }

    /** Why this answer is wrong; null if it is fine. */
    private static String problem(
            ApiOperation operation, FuzzClient caller, ApiInputs.Request request, FuzzClient.Answer answer) {
        if (answer.status() == 0) {
            return "no answer (" + answer.body() + ")";
        }
        if (answer.status() >= 500) {
            return "HTTP " + answer.status();
        }
        if (answer.body() != null && STACK_TRACE.matcher(answer.body()).find()) {
            return "stack trace in HTTP " + answer.status();
        }
        if (operation.webhook() && !request.signed()) {
            boolean refused = request.wellFormedPath() ? answer.status() == 403 : answer.status() >= 400;
            if (!refused) {
                return "unsigned webhook answered HTTP " + answer.status() + ", not 403";
            }
        }
        if (answer.status() == 401 && !caller.name().equals("anonymous") && !operation.webhook()) {
            return "HTTP 401 for a signed-in caller: its session was lost, later answers would test nothing";
        }
        return null;
    }

    /** Every /api and /twilio handler method of the platform is an operation of the document. */
    private void assertCoversEveryHandler(List<ApiOperation> operations) {
        Set<String> documented = new TreeSet<>();
        operations.forEach(o -> documented.add(o.toString()));
        Set<String> handled = new TreeSet<>();
        for (RequestMappingInfo info : handlers.getHandlerMethods().keySet()) {
            for (String value : info.getPatternValues()) {
                String pattern = value.replaceAll("\\{(\\w+):[^}]*}", "{$1}"); // {id:\\d+} is {id} in the document
                if (!pattern.startsWith("/api/") && !pattern.startsWith("/twilio/")) {
                    continue;
                }
                info.getMethodsCondition().getMethods().forEach(m -> handled.add(m.name() + " " + pattern));
                if (info.getMethodsCondition().getMethods().isEmpty()) {
                    handled.add("GET " + pattern);
                }
            }
        }
        assertThat(handled).as("handler methods of the platform").hasSizeGreaterThan(100);
        assertThat(documented).as("operations of /v3/api-docs").containsAll(handled);
    }

    /** A senior with a device in a community of a street, so ids and scopes exist. */
    private ApiInputs.Existing existing() {
        area("FZ-D", "福祉区", "DISTRICT", null);
        area("FZ-S", "福祉街道", "STREET", "FZ-D");
        area("FZ-C", "福祉社区", "COMMUNITY", "FZ-S");
        long senior = createSenior(Map.of(
                "name",
                "福祉老人",
                "phone",
                "13800000001",
                "address",
                "福祉路 1 号",
                "lat",
                30.27,
                "lon",
                120.15,
                "community",
                "福祉社区"));
        createDevice("fuzz-device-1", senior);
        createUser("fuzz-victim", "fuzz-victim-pass", "OPERATOR");
        YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        return new ApiInputs.Existing(List.of(senior, 1L, 2L, 3L), "fuzz-device-1", "fuzz-victim", month.toString());
    }

    /** Nobody, then one signed-in user of every role. */
    private List<FuzzClient> callers() {
        long senior =
                admin().get("/api/seniors").expect(200).json().get(0).get("id").asLong();
        List<FuzzClient> callers = new ArrayList<>();
        callers.add(FuzzClient.anonymous(admin().baseUrl()));
        for (Role role : Role.values()) {
            String username = "fuzz-" + role.name().toLowerCase(Locale.ROOT);
            String password = "fuzz-pass-" + username;
            Map<String, Object> user = new LinkedHashMap<>(
                    Map.of("username", username, "password", password, "role", role.name(), "displayName", username));
            switch (role) {
                case FAMILY -> user.put("seniorIds", List.of(senior));
                case COMMUNITY -> user.put("community", "福祉社区");
                case STREET -> user.put("area", "FZ-S");
                case BUREAU -> user.put("area", "FZ-D");
                default -> {}
            }
            if (role != Role.ADMIN) {
                admin().post("/api/users", user).expect(201);
            }
            callers.add(
                    role == Role.ADMIN
                            ? FuzzClient.signedIn(admin().baseUrl(), "admin", ADMIN_PASSWORD, role.name())
                            : FuzzClient.signedIn(admin().baseUrl(), username, password, role.name()));
        }
        return callers;
    }

    private void area(String code, String name, String level, String parent) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("code", code, "name", name, "level", level));
        if (parent != null) {
            body.put("parent", parent);
        }
        admin().post("/api/areas", body).expect(201);
    }

    private static long seed() {
        String configured = System.getProperty("apifuzz.seed", "");
        return configured.isBlank() ? new Random().nextLong() : Long.parseLong(configured.trim());
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
