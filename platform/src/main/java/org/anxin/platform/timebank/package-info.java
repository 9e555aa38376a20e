/**
 * The time bank (时间银行): volunteers' verified visit minutes credited to their accounts, given
 * to other users or spent on a home service for a linked senior, in an append-only ledger whose
 * balance never goes negative, also under concurrent requests.
 */
package org.anxin.platform.timebank;
