package org.anxin.platform.system;

import java.util.Set;

/**
 * Who is asking, and which seniors they may see: everyone for the desk (ADMIN, SUPERVISOR,
 * OPERATOR), only the linked seniors for a FAMILY user, and none through the general API for a
 * RESPONDER, who sees a senior's name, address and position only in their own offers and jobs.
 */
public record Viewer(String username, Role role, Set<Long> seniorIds) {

    public boolean seesEverySenior() {
        return role == Role.ADMIN || role == Role.SUPERVISOR || role == Role.OPERATOR;
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
