package org.anxin.platform.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.util.List;
import org.anxin.platform.system.Accounts;
import org.anxin.platform.system.Role;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@Controller
class PortalController {
    private final LiveFeed feed;
    private final Accounts accounts;
    private final PortalConfig config;

    PortalController(LiveFeed feed, Accounts accounts, MapProperties map, ZoneId zone) {
        this.feed = feed;
        this.accounts = accounts;
        this.config = new PortalConfig(
                map.effectiveTileUrl(),
                map.effectiveAttribution(),
                map.tiles().subdomains(),
                map.tiles(),
                map.tiles().coordinates(),
                map.centerLatLon(),
                map.zoom(),
                // the family page books service windows in the city's wall time, wherever the family is
                zone.getId());
    }

    /**
     * What the pages need to draw the map and book in the city's time: the tiles, and the coordinate
     * system they draw in (GCJ02: the page converts WGS-84 positions at display time, js/map-tiles.js).
     *
     * @param subdomains Leaflet's {s} values, or null
     * @param center WGS-84 [lat, lon]
     */
    record PortalConfig(
            String tileUrl,
            String attribution,
            String subdomains,
            MapTiles tiles,
            MapTiles.Coordinates coordinates,
            List<Double> center,
            int zoom,
            String zone) {}

    /**
     * Each role's own page: responders the responder page, families the booking page, the officers
     * of communities and streets and the bureau the city dashboard (their figures, with links to the
     * subsidy reviews and the provider grades), assessors the assessment form, the desk the console.
     */
    @GetMapping("/")
    String home() {
        Role role = accounts.currentViewer().role();
        return switch (role) {
            case RESPONDER -> "redirect:/responder.html";
            case FAMILY -> "redirect:/family.html";
            case COMMUNITY, STREET, BUREAU -> "redirect:/dashboard.html";
            case ASSESSOR -> "redirect:/assessment.html";
            default -> "redirect:/operator.html";
        };
    }

    @GetMapping("/api/portal/config")
    @ResponseBody
    PortalConfig config() {
        return config;
    }

    @GetMapping(path = "/api/alarms/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter stream(HttpServletRequest request) {
        return feed.open(accounts.currentViewer(), LiveFeed.sessionId(request));
    }
}
