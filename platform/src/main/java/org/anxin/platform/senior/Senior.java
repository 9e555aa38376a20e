package org.anxin.platform.senior;

/** A senior in the platform's care, with their home (WGS-84) and community (社区). */
public record Senior(long id, String name, String phone, String address, Double lat, Double lon, String community) {}
