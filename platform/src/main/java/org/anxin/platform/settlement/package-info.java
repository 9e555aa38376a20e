/**
 * Monthly settlement per provider: the visits of a month (the city's calendar month of check-in)
 * that are verified and so payable, with the bureau's subsidy share and the senior's own, and
 * those held back by an anomaly; as JSON, CSV and a printable page. A statement is computed from
 * the visits as they are until it is closed, then frozen.
 */
package org.anxin.platform.settlement;
