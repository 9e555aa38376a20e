package org.anxin.platform.notify;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Twilio account and the address Twilio calls back. Without an account SID, auth token and
 * sending number nothing is sent: each notification is logged as not sent.
 */
@Component
class TwilioSettings {
    final String accountSid;
    final String authToken;
    final String from;
    /** Where the REST API is; empty for Twilio itself (a local fake Twilio in tests). */
    final String apiBaseUrl;

    private final String publicBaseUrl;
    private final Environment environment;

    TwilioSettings(TwilioProperties properties, Environment environment) {
        this.accountSid = properties.twilio().accountSid().strip();
        this.authToken = properties.twilio().authToken().strip();
        this.from = properties.twilio().from().strip();
        this.apiBaseUrl = stripSlash(properties.twilio().apiBaseUrl().strip());
        this.publicBaseUrl = stripSlash(properties.publicBaseUrl().strip());
        this.environment = environment;
    }

    boolean configured() {
        return !accountSid.isEmpty() && !authToken.isEmpty() && !from.isEmpty();
    }

    /** The platform's address as Twilio reaches it: configured, else this server on loopback. */
    String publicBaseUrl() {
        if (!publicBaseUrl.isEmpty()) {
            return publicBaseUrl;
        }
        return "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080");
    }

    boolean publicBaseUrlConfigured() {
        return !publicBaseUrl.isEmpty();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
