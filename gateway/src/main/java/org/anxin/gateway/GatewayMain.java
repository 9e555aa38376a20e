package org.anxin.gateway;

/** Starts the device gateway. */
public final class GatewayMain {
    private GatewayMain() {}

    public static void main(String[] args) {}
}
