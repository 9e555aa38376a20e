package org.anxin.platform.notify;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Twilio account ({@code anxin.twilio}) and where Twilio reaches this platform
 * ({@code anxin.public-base-url}). All empty by default: nothing is sent.
 */
@Validated
@ConfigurationProperties("anxin")
record TwilioProperties(@NotNull @Valid @DefaultValue Twilio twilio, @DefaultValue("") String publicBaseUrl) {

    record Twilio(
            @DefaultValue("") String accountSid,
            @DefaultValue("") String authToken,
            @DefaultValue("") String from,
            @DefaultValue("") String apiBaseUrl) {}

    @AssertTrue(message = "ANXIN_PUBLIC_BASE_URL must start with http:// or https://")
    boolean isPublicBaseUrlHttp() {
        String url = publicBaseUrl == null ? "" : publicBaseUrl.strip();
        return url.isEmpty() || url.startsWith("http://") || url.startsWith("https://");
    }
}
