package org.anxin.platform.device;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the SOS page needs before it has any credential: where the gateway's MQTT over WebSocket
 * is. Public (the page is opened from a printed link, without a portal login); it says nothing
 * about any device. The device's id and secret stay in the link's fragment, which browsers never
 * send to a server, so they reach no access log.
 */
@RestController
class SosPageController {
    private final DeviceProperties properties;

    SosPageController(DeviceProperties properties) {
        this.properties = properties;
    }

    /** @param mqttWsUrl e.g. {@code ws://192.168.1.20:8083/mqtt} */
    record SosPageConfig(String mqttWsUrl) {}

    @GetMapping("/api/sos-page/config")
    SosPageConfig config(HttpServletRequest request) {
        return new SosPageConfig(properties.mqttWsUrl().replace("{host}", hostForUrl(request.getServerName())));
    }

    private static String hostForUrl(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
