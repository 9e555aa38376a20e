package org.anxin.platform.system;

/** An administrator unlocked a user name locked after failed sign-ins. */
public record AccountUnlocked(String username) {}
