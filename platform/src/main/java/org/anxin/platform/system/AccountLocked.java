package org.anxin.platform.system;

/** A user name was locked after too many failed sign-ins, the last from {@code address}. */
public record AccountLocked(String username, String address) {}
