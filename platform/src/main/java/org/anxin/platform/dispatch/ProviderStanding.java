package org.anxin.platform.dispatch;

import java.util.Collection;
import java.util.Set;

/**
 * Which providers rank last for home services: those graded D for the latest completed quarter.
 * The grading module provides it (it reads the order module, which depends on dispatch, so the
 * dependency is inverted here as with {@link OfferedOrders}). Never consulted for an emergency.
 */
public interface ProviderStanding {

    /** Of these providers, those demoted in the home-service ranking. */
    Set<Long> demoted(Collection<Long> providerIds);
}
