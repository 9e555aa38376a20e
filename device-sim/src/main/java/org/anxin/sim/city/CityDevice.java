package org.anxin.sim.city;

import java.util.function.Consumer;

/** One senior's device in the simulated city, whatever protocol it speaks. */
interface CityDevice {
    String id();

    String protocol();

    /** Starts connecting; calls back once connected or failed. Never blocks the caller. */
    void connect(Runnable onConnected, Consumer<Throwable> onFailure);

    boolean connected();

    /** Advances the device by one second and sends what a real device would in that second. */
    void tick(double sosPerSecond, double fallPerSecond, Counters counters);

    void close();
}
