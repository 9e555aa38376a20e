package org.anxin.platform.planning;

/** A point a worker starts from or visits; {@code index} is its row in the {@link TravelTimes}. */
record Place(int index, double lat, double lon) {}
