package org.anxin.platform;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in for api.twilio.com: accepts Messages.json and Calls.json as Twilio does
 * (form fields, Basic auth with the account SID), records each request, and answers with the
 * JSON the SDK parses. Loopback only.
 */
public final class FakeTwilio implements AutoCloseable {
    public static final String ACCOUNT_SID = "AC" + "0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "fake-auth-token-" + UUID.randomUUID();
    public static final String FROM = "+8657100012349";

    /** One request as received. */
    public record Received(String path, String authorization, Map<String, String> form) {}

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public FakeTwilio() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/2010-04-01/Accounts/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> form = parse(body);
            received.add(new Received(path, exchange.getRequestHeaders().getFirst("Authorization"), form));
            String kind = path.endsWith("/Messages.json") ? "SM" : path.endsWith("/Calls.json") ? "CA" : null;
            byte[] answer;
            int status;
            if (kind == null || !"POST".equals(exchange.getRequestMethod())) {
                status = 404;
                answer = "{\"code\":20404,\"message\":\"not found\",\"status\":404}".getBytes(StandardCharsets.UTF_8);
            } else {
                status = 201;
                String sid = kind + UUID.randomUUID().toString().replace("-", "");
                answer = ("{\"sid\":\"" + sid + "\",\"account_sid\":\"" + ACCOUNT_SID + "\",\"status\":\"queued\","
                                + "\"to\":\"" + form.get("To") + "\",\"from\":\"" + form.get("From") + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Requests sent to this phone number, oldest first. */
    public List<Received> to(String phone) {
        return received.stream().filter(r -> phone.equals(r.form().get("To"))).toList();
    }

    private static Map<String, String> parse(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
