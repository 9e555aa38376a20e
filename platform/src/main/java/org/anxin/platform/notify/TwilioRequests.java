package org.anxin.platform.notify;

import com.twilio.security.RequestValidator;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.anxin.platform.system.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Checks that a request under {@code /twilio/} comes from Twilio: a valid
 * {@code X-Twilio-Signature} (HMAC-SHA1 of the URL and the form fields with our auth token), or
 * 403 and nothing changes. Shared by every module that answers a Twilio webhook (the desk's
 * calls here, the 12349 line in {@code callcenter}).
 */
@Component
public class TwilioRequests {
    private static final Logger log = LoggerFactory.getLogger(TwilioRequests.class);

    private final TwilioSettings settings;

    TwilioRequests(TwilioSettings settings) {
        this.settings = settings;
    }

    /** The form fields, if the request is signed by Twilio with our auth token; 403 otherwise. */
    public Map<String, String> verified(HttpServletRequest request) {
        String signature = request.getHeader("X-Twilio-Signature");
        if (!settings.configured()) {
            throw ApiProblem.forbidden("Twilio is not configured on this platform; webhooks are refused");
        }
        String query = request.getQueryString();
        Set<String> queryNames = new HashSet<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                try {
                    queryNames.add(URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    // broken percent-encoding: Twilio never sends it, so no signature can be right
                    throw refused(request);
                }
            }
        }
        Map<String, String> form = new TreeMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!queryNames.contains(name) && values.length > 0) {
                form.put(name, values[0]);
            }
        });
        String base = settings.publicBaseUrlConfigured()
                ? settings.publicBaseUrl()
                : request.getScheme() + "://" + request.getHeader("Host");
        String url = base + request.getRequestURI() + (query == null ? "" : "?" + query);
        if (signature == null || !new RequestValidator(settings.authToken).validate(url, form, signature)) {
            throw refused(request);
        }
        return form;
    }

    private static ApiProblem refused(HttpServletRequest request) {
        log.warn(
                "refused a Twilio webhook to {} from {}: bad or missing signature",
                request.getRequestURI(),
                request.getRemoteAddr());
        return ApiProblem.forbidden("X-Twilio-Signature is missing or wrong");
    }

    /** The platform's address as Twilio reaches it, for the URLs in TwiML. */
    public String publicBaseUrl() {
        return settings.publicBaseUrl();
    }

    /** Whether an account, token and sending number are set. */
    public boolean configured() {
        return settings.configured();
    }

    /** The platform's own Twilio number (the caller ID of its calls). */
    public String from() {
        return settings.from;
    }
}
