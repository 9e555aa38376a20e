package org.anxin.platform.portal;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.anxin.platform.system.Accounts;
import org.anxin.platform.system.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@Controller
class PortalController {
    private final LiveFeed feed;
    private final Accounts accounts;
    private final Map<String, Object> mapConfig;

    PortalController(
            LiveFeed feed,
            Accounts accounts,
            @Value("${anxin.map.tile-url}") String tileUrl,
            @Value("${anxin.map.attribution}") String attribution,
            @Value("${anxin.map.center}") String center,
            @Value("${anxin.map.zoom}") int zoom,
            @Value("${anxin.city-zone:Asia/Shanghai}") ZoneId zone) {
        this.feed = feed;
        this.accounts = accounts;
        String[] latLon = center.split(",");
        if (latLon.length != 2) {
            throw new IllegalArgumentException("ANXIN_MAP_CENTER must be 'lat,lon', not '" + center + "'");
        }
        this.mapConfig = Map.of(
                "tileUrl", tileUrl,
                "attribution", attribution,
                "center", List.of(Double.parseDouble(latLon[0].strip()), Double.parseDouble(latLon[1].strip())),
                "zoom", zoom,
                // the family page books service windows in the city's wall time, wherever the family is
                "zone", zone.getId());
    }

    /**
     * Each role's own page: responders the responder page, families the booking page, community
     * officers and the bureau the subsidy reviews, the desk the console.
     */
    @GetMapping("/")
    String home() {
        Role role = accounts.currentViewer().role();
        return switch (role) {
            case RESPONDER -> "redirect:/responder.html";
            case FAMILY -> "redirect:/family.html";
            case COMMUNITY, BUREAU -> "redirect:/subsidy.html";
            default -> "redirect:/operator.html";
        };
    }

    @GetMapping("/api/portal/config")
    @ResponseBody
    Map<String, Object> config() {
        return mapConfig;
    }

    @GetMapping(path = "/api/alarms/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter stream() {
        return feed.open(accounts.currentViewer());
    }
}
