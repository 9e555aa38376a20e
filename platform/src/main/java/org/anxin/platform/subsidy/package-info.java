/**
 * Subsidies the civil-affairs bureau pays for eligible seniors: eligibility categories (三无,
 * 五保/特困, 低保, …) with a monthly allowance of money or hours, the two-step approval (community,
 * then bureau) of allowance changes and of a senior's eligibility, and each eligible senior's
 * wallet per calendar month, which pays a booked home visit first (through the order module's
 * {@link org.anxin.platform.order.SubsidyPayer}) with an append-only ledger.
 */
package org.anxin.platform.subsidy;
