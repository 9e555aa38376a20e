package org.anxin.platform.portal;

import jakarta.servlet.http.HttpServletRequest;
import org.anxin.platform.system.Accounts;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Role;
import org.anxin.platform.system.Viewer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The family page's live feed: alarms and device updates (positions, battery, heartbeats) of the
 * viewer's own seniors, or of one of them; 403 for a senior they may not see.
 */
@RestController
class FamilyFeedController {
    private final LiveFeed feed;
    private final Accounts accounts;

    FamilyFeedController(LiveFeed feed, Accounts accounts) {
        this.feed = feed;
        this.accounts = accounts;
    }

    @GetMapping("/api/family/stream")
    SseEmitter stream(@RequestParam(required = false) Long seniorId, HttpServletRequest request) {
        Viewer viewer = accounts.currentViewer();
        if (seniorId != null) {
            viewer.checkMaySee(seniorId);
        } else if (viewer.role() != Role.FAMILY) {
            throw ApiProblem.badRequest(
                    "name the senior (?seniorId=…): only a family's own feed carries all its seniors");
        }
        return feed.open(viewer, LiveFeed.sessionId(request), true, seniorId);
    }
}
