package org.anxin.platform.system;

import java.util.Set;

/**
 * Who is asking, and which seniors they may see: everyone for staff roles, only the linked
 * seniors for a FAMILY user.
 */
public record Viewer(String username, Role role, Set<Long> seniorIds) {

    public boolean seesEverySenior() {
        return role != Role.FAMILY;
    }

    public boolean maySee(long seniorId) {
        return seesEverySenior() || seniorIds.contains(seniorId);
    }

    /** Throws 403 unless this viewer may see the senior. */
    public void checkMaySee(long seniorId) {
        if (!maySee(seniorId)) {
            throw ApiProblem.forbidden("you may not see senior " + seniorId);
        }
    }
}
