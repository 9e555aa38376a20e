package org.anxin.sim.city;

import java.time.LocalTime;
import java.util.Random;

/**
 * The senior wearing a device: walks about home (to the market and back, ~400 m), a battery
 * that drains and is charged overnight, steps that count up while moving.
 */
final class Wearer {
    private static final double METERS_PER_DEGREE = 111_320;

    private final double homeLat;
    private final double homeLon;
    final Random random;
    private double lat;
    private double lon;
    private double battery;
    private int steps;

    Wearer(double homeLat, double homeLon, long seed) {
        this.homeLat = homeLat;
        this.homeLon = homeLon;
        this.lat = homeLat;
        this.lon = homeLon;
        this.random = new Random(seed);
        this.battery = 60 + random.nextInt(41);
    }

    /** One second: a step of a slow random walk pulled home, and a little battery. */
    void tick(boolean moving) {
        battery = Math.max(1, battery - 0.0005);
        if (!moving) {
            return;
        }
        double north = (random.nextDouble() - 0.5) * 2.0;
        double east = (random.nextDouble() - 0.5) * 2.0;
        lat += north / METERS_PER_DEGREE + (homeLat - lat) * 0.01;
        lon += east / (METERS_PER_DEGREE * Math.cos(Math.toRadians(lat))) + (homeLon - lon) * 0.01;
        steps += 1 + random.nextInt(2);
    }

    /** Charged at night: the battery is full again at 06:00. */
    void charge() {
        battery = 100;
        steps = 0;
    }

    static boolean night(LocalTime time) {
        return time.isAfter(LocalTime.of(21, 59)) || time.isBefore(LocalTime.of(6, 0));
    }

    double lat() {
        return lat;
    }

    double lon() {
        return lon;
    }

    int battery() {
        return (int) Math.round(battery);
    }

    int steps() {
        return steps;
    }
}
