package org.anxin.platform.notify;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.util.List;
import java.util.Map;

/**
 * The SDK's own HTTP client, sending to another base URL than {@code https://api.twilio.com}
 * (a local fake Twilio in tests, a recording proxy). Everything else — form fields, auth,
 * parsing of the answer — is the SDK's.
 */
final class RebasedHttpClient extends HttpClient {
    private static final String TWILIO = "https://api.twilio.com";

    private final String baseUrl;
    private final NetworkHttpClient network = new NetworkHttpClient();

    RebasedHttpClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public Response makeRequest(Request request) {
        String url = request.getUrl();
        if (!url.startsWith(TWILIO)) {
            throw new IllegalStateException("unexpected Twilio URL " + url);
        }
        Request rebased = new Request(request.getMethod(), baseUrl + url.substring(TWILIO.length()));
        copy(request.getQueryParams(), rebased::addQueryParam);
        copy(request.getPostParams(), rebased::addPostParam);
        copy(request.getHeaderParams(), rebased::addHeaderParam);
        if (request.getAuthStrategy() != null) {
            rebased.setAuth(request.getAuthStrategy());
        } else if (request.getUsername() != null) {
            rebased.setAuth(request.getUsername(), request.getPassword());
        }
        rebased.setContentType(request.getContentType());
        if (request.getBody() != null) {
            rebased.setBody(request.getBody());
        }
        rebased.setUserAgentExtensions(request.getUserAgentExtensions());
        return network.makeRequest(rebased);
    }

    private interface Adder {
        void add(String name, String value);
    }

    private static void copy(Map<String, List<String>> params, Adder adder) {
        params.forEach((name, values) -> values.forEach(value -> adder.add(name, value)));
    }
}
