package org.anxin.platform.device;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anxin.platform.system.ApiProblem;

/**
 * A device group's allow-list as an admin types it, checked and normalised before it is stored and
 * published: each entry a CIDR network (IPv4 {@code 10.20.0.0/16}, IPv6 {@code 2001:db8::/32}),
 * host bits zero. The gateways match with Netty's {@code IpSubnetFilterRule}; this only validates.
 */
final class SourceNetworks {
    static final int MAX = 64;
    // address literals only, so that InetAddress never asks DNS
    private static final Pattern CIDR = Pattern.compile("([0-9.]{7,15}|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*)/([0-9]{1,3})");

    private SourceNetworks() {}

    /** The normalised networks, duplicates dropped; a bad entry is a 400 naming {@code field[i]}. */
    static List<String> checked(String field, List<String> networks) {
        if (networks == null) {
            return List.of();
        }
        if (networks.size() > MAX) {
            throw ApiProblem.badRequest(field + ": at most " + MAX + " networks, not " + networks.size());
        }
        LinkedHashSet<String> normalised = new LinkedHashSet<>();
        for (int i = 0; i < networks.size(); i++) {
            normalised.add(network(field + "[" + i + "]", networks.get(i)));
        }
        return List.copyOf(normalised);
    }

    private static String network(String field, String entry) {
        String text = entry == null ? "" : entry.strip();
        Matcher m = CIDR.matcher(text);
        if (!m.matches()) {
            throw notCidr(field, text);
        }
        byte[] address;
        try {
            address = InetAddress.getByName(m.group(1)).getAddress();
        } catch (UnknownHostException e) {
            throw notCidr(field, text);
        }
        if (m.group(1).contains(":") && address.length == 4) {
            // an IPv4-mapped IPv6 literal: the JDK turns it into IPv4, which would silently change the prefix
            throw ApiProblem.badRequest(field + ": " + text + " is IPv4-mapped IPv6; write the IPv4 network");
        }
        int prefix = Integer.parseInt(m.group(2));
        int bits = address.length * 8;
        if (prefix > bits) {
            throw ApiProblem.badRequest(
                    field + ": " + text + " has a prefix longer than " + bits + " bits, which is not a CIDR network");
        }
        byte[] network = address.clone();
        for (int bit = prefix; bit < bits; bit++) {
            network[bit / 8] &= (byte) ~(0x80 >> (bit % 8));
        }
        // IPv6 as typed (lower case): the JDK writes it uncompressed, which nobody reads easily
        String normal =
                (address.length == 4 ? literal(network) : m.group(1).toLowerCase(java.util.Locale.ROOT)) + "/" + prefix;
        if (!java.util.Arrays.equals(network, address)) {
            throw ApiProblem.badRequest(
                    field + ": " + text + " has host bits set; the network is " + literal(network) + "/" + prefix);
        }
        return normal;
    }

    private static String literal(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are an address", e);
        }
    }

    private static ApiProblem notCidr(String field, String text) {
        return ApiProblem.badRequest(field + ": " + (text.isEmpty() ? "(empty)" : text)
                + " is not a CIDR network such as 10.20.0.0/16 or 2001:db8::/32");
    }

    /** The stored form: comma-separated. */
    static String stored(List<String> networks) {
        return String.join(",", networks);
    }

    static List<String> fromStored(String stored) {
        List<String> networks = new ArrayList<>();
        if (stored != null && !stored.isBlank()) {
            for (String n : stored.split(",")) {
                networks.add(n.strip());
            }
        }
        return networks;
    }
}
