package org.anxin.platform.system;

/**
 * What system needs to know of seniors (the senior module owns them and implements this, so
 * system depends on no module above it): whether a senior exists, before a user is linked to it.
 */
public interface SeniorDirectory {
    boolean exists(long seniorId);
}
