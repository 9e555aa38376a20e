package org.anxin.platform.system;

/** A user's password was set: by themselves ({@code byAdministrator} false) or reset by an administrator. */
public record PasswordChanged(String username, boolean byAdministrator) {}
