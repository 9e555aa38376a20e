package org.anxin.platform.system;

import java.util.Locale;

/**
 * How a caller ID is matched against the numbers on record. Twilio sends E.164
 * ({@code +8613800000001}), the desk types {@code 138 0000 0001} or {@code 0571-8888 1234}: both
 * sides are reduced to their last eleven digits (a Chinese mobile number, or a landline with its
 * area code), so the same line matches however it was written.
 */
public final class PhoneNumbers {
    /** The SQL expression that reduces a phone column the same way as {@link #key}. */
    public static final String SQL_KEY = "right(regexp_replace(%s, '[^0-9]', '', 'g'), 11)";

    private static final int KEY_DIGITS = 11;
    private static final int MIN_DIGITS = 5;

    private PhoneNumbers() {}

    /** The matching key of a number; null when it has too few digits to mean anything. */
    public static String key(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() < MIN_DIGITS) {
            return null;
        }
        return digits.length() <= KEY_DIGITS ? digits : digits.substring(digits.length() - KEY_DIGITS);
    }

    /** {@link #SQL_KEY} for a column. */
    public static String sqlKey(String column) {
        return String.format(Locale.ROOT, SQL_KEY, column);
    }
}
