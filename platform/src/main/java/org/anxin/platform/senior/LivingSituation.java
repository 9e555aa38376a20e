package org.anxin.platform.senior;

/** Who a senior lives with: proactive care calls (主动关怀) are for the first two. */
public enum LivingSituation {
    LIVES_ALONE,
    /** 空巢: an elderly couple whose children live elsewhere. */
    EMPTY_NEST,
    WITH_FAMILY,
    IN_CARE_HOME
}
