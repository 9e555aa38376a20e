package org.anxin.gateway.forward;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A device group's source-network allow-list (a private APN's address ranges), as the platform
 * writes it to {@code anxin:device-group:{id}}: CIDR networks, IPv4 and IPv6, comma-separated.
 * Empty: no restriction. Matching is Netty's {@link IpSubnetFilterRule}.
 */
public final class SourceNetworks {
    /** No list: every address may log in. */
    public static final SourceNetworks ANYWHERE = new SourceNetworks(List.of(), true);

    private static final Logger log = LoggerFactory.getLogger(SourceNetworks.class);
    // address literals only: Netty resolves what it is given, and a host name must never reach DNS
    private static final Pattern CIDR = Pattern.compile("([0-9.]{7,15}|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*)/([0-9]{1,3})");

    private final List<IpSubnetFilterRule> rules;
    private final boolean unrestricted;

    private SourceNetworks(List<IpSubnetFilterRule> rules, boolean unrestricted) {
        this.rules = rules;
        this.unrestricted = unrestricted;
    }

    /**
     * Parses the comma-separated list. An entry that is not a CIDR network is logged and matches
     * nothing: a list spoiled by hand in Redis restricts more, never less.
     */
    public static SourceNetworks parse(String group, String networks) {
        if (networks == null || networks.isBlank()) {
            return ANYWHERE;
        }
        List<IpSubnetFilterRule> rules = new ArrayList<>();
        for (String entry : networks.split(",")) {
            IpSubnetFilterRule rule = rule(entry.strip());
            if (rule == null) {
                log.warn("device group {}: ignored network entry that is not a CIDR network", group);
            } else {
                rules.add(rule);
            }
        }
        return new SourceNetworks(List.copyOf(rules), false);
    }

    private static IpSubnetFilterRule rule(String entry) {
        var matcher = CIDR.matcher(entry);
        if (!matcher.matches()) {
            return null;
        }
        try {
            return new IpSubnetFilterRule(
                    matcher.group(1), Integer.parseInt(matcher.group(2)), IpFilterRuleType.ACCEPT);
        } catch (IllegalArgumentException e) {
            return null; // not an address literal, or a prefix out of range
        }
    }

    /** True if there is no list or the address is in one of its networks. */
    public boolean allows(SocketAddress remote) {
        if (unrestricted) {
            return true;
        }
        if (!(remote instanceof InetSocketAddress address) || address.getAddress() == null) {
            return false;
        }
        for (IpSubnetFilterRule rule : rules) {
            if (rule.matches(address)) {
                return true;
            }
        }
        return false;
    }

    /** How many networks the list holds (0 for no restriction), for tests and log lines. */
    public int size() {
        return rules.size();
    }
}
