package org.anxin.platform.system;

import java.util.Set;

/**
 * Who is asking, and which seniors they may see. Two kinds of seeing:
 *
 * <ul>
 *   <li>a senior's care record (alarms, devices, positions, contacts, orders): everyone for the
 *       desk (ADMIN, SUPERVISOR, OPERATOR), only the linked seniors for a FAMILY user, and none
 *       through the general API for a RESPONDER (who sees a senior's name, address and position
 *       only in their own offers and jobs), a COMMUNITY officer or the BUREAU;
 *   <li>a senior's subsidies (eligibility, applications, wallet): the desk and the BUREAU for every
 *       senior, a COMMUNITY officer for the seniors of their own community ({@code seniors.community}
 *       equal to the officer's), a FAMILY user for their linked seniors, a RESPONDER for none.
 * </ul>
 *
 * Neither COMMUNITY nor BUREAU is desk staff: no alarm desk, no live feed, no care record.
 */
public record Viewer(String username, Role role, Set<Long> seniorIds, String community) {

    /** A viewer who belongs to no community. */
    public Viewer(String username, Role role, Set<Long> seniorIds) {
        this(username, role, seniorIds, null);
    }

    /** The 12349 desk: ADMIN, SUPERVISOR and OPERATOR. */
    public boolean isDesk() {
        return role == Role.ADMIN || role == Role.SUPERVISOR || role == Role.OPERATOR;
    }

    public boolean seesEverySenior() {
        return isDesk();
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

    /** The desk and the bureau see the subsidies of every senior. */
    public boolean seesEverySeniorsSubsidies() {
        return isDesk() || role == Role.BUREAU;
    }

    /** Whether this viewer may see the subsidies of the senior, who lives in {@code seniorCommunity}. */
    public boolean maySeeSubsidiesOf(long seniorId, String seniorCommunity) {
        return seesEverySeniorsSubsidies()
                || (role == Role.COMMUNITY && community != null && community.equals(seniorCommunity))
                || (role == Role.FAMILY && seniorIds.contains(seniorId));
    }

    /** Throws 403 unless this viewer may see the subsidies of the senior. */
    public void checkMaySeeSubsidiesOf(long seniorId, String seniorCommunity) {
        if (!maySeeSubsidiesOf(seniorId, seniorCommunity)) {
            throw ApiProblem.forbidden(
                    role == Role.COMMUNITY
                            ? "senior " + seniorId + " does not live in your community (" + community + ")"
                            : "you may not see the subsidies of senior " + seniorId);
        }
    }
}
