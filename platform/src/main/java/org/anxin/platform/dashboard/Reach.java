package org.anxin.platform.dashboard;

import java.util.Set;
import java.util.TreeSet;
import org.anxin.platform.senior.SeniorService;
import org.anxin.platform.system.AdminAreas;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.SeniorScope;
import org.anxin.platform.system.Viewer;
import org.springframework.stereotype.Component;

/**
 * Which seniors the dashboard counts: those of the viewer's node of the hierarchy, or of the node
 * asked for ({@code area}), which must lie at or below it: a street officer asking for a
 * neighbouring street, or a community officer for another community, gets 403.
 */
@Component
class Reach {
    /**
     * The node counted: its code and name (null: the viewer's own node), the communities below it
     * (null: the whole city) and their seniors.
     */
    record Scope(String area, String areaName, Set<String> communities, SeniorScope seniors) {}

    private final AdminAreas areas;
    private final SeniorService seniors;

    Reach(AdminAreas areas, SeniorService seniors) {
        this.areas = areas;
        this.seniors = seniors;
    }

    Scope of(Viewer viewer, String areaCode) {
        if (!viewer.isOfficer()) {
            throw ApiProblem.forbidden("the dashboard is for the bureau and the officers of streets and communities");
        }
        Set<String> covered = viewer.communities();
        if (areaCode == null || areaCode.isBlank()) {
            return scope(null, null, covered);
        }
        AdminAreas.Area area =
                areas.find(areaCode.strip()).orElseThrow(() -> ApiProblem.notFound("no area " + areaCode.strip()));
        Set<String> below = new TreeSet<>(areas.communitiesUnder(area.code()));
        if (covered != null && (below.isEmpty() || !covered.containsAll(below))) {
            throw ApiProblem.forbidden("area " + area.code() + " (" + area.name() + ") is not at or below your node");
        }
        return scope(area.code(), area.name(), below);
    }

    private Scope scope(String code, String name, Set<String> communities) {
        return new Scope(
                code,
                name,
                communities,
                communities == null ? SeniorScope.wholeCity() : SeniorScope.of(seniors.idsInCommunities(communities)));
    }
}
