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
 *   <li>a senior's subsidies (eligibility, applications, wallet) and assessments: the desk and a
 *       city-wide BUREAU for every senior; the officers of a node of the hierarchy (a COMMUNITY
 *       officer, a STREET officer, a BUREAU officer of a district) for the seniors living in the
 *       communities at or below it ({@code communities}, by the community's name in
 *       {@code seniors.community}); a FAMILY user for their linked seniors, a RESPONDER for none.
 * </ul>
 *
 * No officer is desk staff: no alarm desk, no live feed, no care record; an officer sees the
 * basic record (name, address, community) of the seniors in their scope.
 *
 * @param communities the names of the communities the officer covers; {@code null} for the whole
 *     city (a BUREAU officer of no district); empty for a role that covers none
 */
public record Viewer(String username, Role role, Set<Long> seniorIds, String community, Set<String> communities) {

    /** A viewer who belongs to no node of the hierarchy. */
    public Viewer(String username, Role role, Set<Long> seniorIds) {
        this(username, role, seniorIds, null, Set.of());
    }

    /** A viewer of one community (or none). */
    public Viewer(String username, Role role, Set<Long> seniorIds, String community) {
        this(username, role, seniorIds, community, community == null ? Set.of() : Set.of(community));
    }

    /** A COMMUNITY, STREET or BUREAU officer: scoped to a node of the hierarchy. */
    public boolean isOfficer() {
        return role == Role.COMMUNITY || role == Role.STREET || role == Role.BUREAU;
    }

    /** Whether this officer covers the community (a city-wide bureau covers all). */
    public boolean covers(String seniorCommunity) {
        return isOfficer()
                && (communities == null || (seniorCommunity != null && communities.contains(seniorCommunity)));
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

    /** The desk and a city-wide bureau see the subsidies of every senior. */
    public boolean seesEverySeniorsSubsidies() {
        return isDesk() || (role == Role.BUREAU && communities == null);
    }

    /** Whether this viewer may see the subsidies of the senior, who lives in {@code seniorCommunity}. */
    public boolean maySeeSubsidiesOf(long seniorId, String seniorCommunity) {
        return seesEverySeniorsSubsidies()
                || covers(seniorCommunity)
                || (role == Role.FAMILY && seniorIds.contains(seniorId));
    }

    /** Throws 403 unless this viewer may see the subsidies of the senior. */
    public void checkMaySeeSubsidiesOf(long seniorId, String seniorCommunity) {
        if (!maySeeSubsidiesOf(seniorId, seniorCommunity)) {
            throw ApiProblem.forbidden(
                    role == Role.COMMUNITY
                            ? "senior " + seniorId + " does not live in your community (" + community + ")"
                            : isOfficer()
                                    ? "senior " + seniorId + " does not live in the communities you cover"
                                    : "you may not see the subsidies of senior " + seniorId);
        }
    }
}
