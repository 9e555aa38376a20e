package org.anxin.sim;

/** Device simulator entry point. */
public final class DeviceSimMain {
    private DeviceSimMain() {}

    public static void main(String[] args) {}
}
