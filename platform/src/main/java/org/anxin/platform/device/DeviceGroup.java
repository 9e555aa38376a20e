package org.anxin.platform.device;

import java.time.Instant;
import java.util.List;

/**
 * Devices of one private APN: the source networks the gateways accept their logins from (CIDR,
 * IPv4 and IPv6; empty: anywhere) and how many devices it holds.
 */
public record DeviceGroup(
        long id, String name, List<String> networks, int devices, Instant createdAt, Instant updatedAt) {}
