/**
 * Home-care days planned as routes: each worker's visits of a day in order, inside the seniors'
 * windows, with skills, shifts, a break, travel and continuity of care, solved with Timefold
 * Solver (a vehicle-routing problem with time windows); plans stored with their score explained
 * per constraint, re-planned when orders or workers change, seen by desk, worker and family.
 */
package org.anxin.platform.planning;
