/**
 * The family's phone page and the API a family app would use: for each of their own seniors the
 * live state (devices, last fix and how it was found, battery, open alarms), the trail over a
 * day thinned for the map. The desk may read the same trail.
 */
package org.anxin.platform.family;
