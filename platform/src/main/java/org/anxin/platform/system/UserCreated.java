package org.anxin.platform.system;

/** An administrator created a user with this role. */
public record UserCreated(Accounts.User user) {}
