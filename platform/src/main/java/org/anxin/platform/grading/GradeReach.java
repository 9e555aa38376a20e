package org.anxin.platform.grading;

import java.time.Instant;
import java.util.Set;
import org.anxin.platform.order.ProviderFigures;
import org.anxin.platform.senior.SeniorService;
import org.anxin.platform.system.ApiProblem;
import org.anxin.platform.system.Role;
import org.anxin.platform.system.SeniorScope;
import org.anxin.platform.system.Viewer;
import org.springframework.stereotype.Component;

/**
 * Which providers an officer may see graded. Providers are not placed in the district → street →
 * community hierarchy (one provider serves several streets), so a provider belongs to an
 * officer's node by its work: the city-wide bureau sees every provider; a district's bureau, a
 * street or a community officer sees the providers whose workers checked in at a home of the
 * seniors of their node in the period asked for (their grades are the providers' whole grades).
 * Anyone else: 403.
 */
@Component
class GradeReach {
    private final ProviderFigures figures;
    private final SeniorService seniors;

    GradeReach(ProviderFigures figures, SeniorService seniors) {
        this.figures = figures;
        this.seniors = seniors;
    }

    /** The providers the viewer may see for [from, to); null: every provider. */
    Set<Long> providers(Viewer viewer, Instant from, Instant to) {
        if (!viewer.isOfficer()) {
            throw ApiProblem.forbidden(
                    "provider grades are for the bureau and the officers of streets and communities");
        }
        if (viewer.communities() == null) {
            return null;
        }
        SeniorScope scope = SeniorScope.of(seniors.idsInCommunities(viewer.communities()));
        return figures.providersServing(from, to, scope);
    }

    /** 403 unless the viewer may see the provider's grades for [from, to). */
    void checkMaySee(Viewer viewer, long providerId, Instant from, Instant to) {
        Set<Long> visible = providers(viewer, from, to);
        if (visible != null && !visible.contains(providerId)) {
            throw ApiProblem.forbidden("provider " + providerId + " served no senior of your node in these quarters");
        }
    }

    /** Weights are the city's: only a city-wide BUREAU officer sets them. */
    void checkMaySetWeights(Viewer viewer) {
        if (viewer.role() != Role.BUREAU || viewer.communities() != null) {
            throw ApiProblem.forbidden("only the city-wide bureau sets the grading weights");
        }
    }
}
