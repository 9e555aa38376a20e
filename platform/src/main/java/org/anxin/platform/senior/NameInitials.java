package org.anxin.platform.senior;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sourceforge.pinyin4j.PinyinHelper;

/**
 * A name's pinyin initials (拼音首字母), as the desk types them into the search box: 王秀英 → "wxy".
 * A character with several readings (多音字, e.g. 单 dān/shàn, 曾 zēng/céng) gives every
 * spelling, space-separated ("sxl dxl"), at most {@link #MAX_SPELLINGS}; Latin letters and digits
 * are kept as they are; anything else is skipped.
 */
final class NameInitials {
    static final int MAX_SPELLINGS = 8;

    private NameInitials() {}

    static String of(String name) {
        Set<String> spellings = new LinkedHashSet<>(List.of(""));
        for (int i = 0; i < name.length(); ) {
            int codePoint = name.codePointAt(i);
            i += Character.charCount(codePoint);
            Set<Character> initials = initials(codePoint);
            if (initials.isEmpty()) {
                continue;
            }
            Set<String> next = new LinkedHashSet<>();
            for (String spelling : spellings) {
                for (char initial : initials) {
                    if (next.size() < MAX_SPELLINGS) {
                        next.add(spelling + initial);
                    }
                }
            }
            spellings = next;
        }
        return String.join(" ", spellings);
    }

    private static Set<Character> initials(int codePoint) {
        Set<Character> initials = new LinkedHashSet<>();
        if (codePoint < 0x80) {
            if (Character.isLetterOrDigit(codePoint)) {
                initials.add(Character.toLowerCase((char) codePoint));
            }
            return initials;
        }
        if (Character.isBmpCodePoint(codePoint)) {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray((char) codePoint);
            if (readings != null) {
                for (String reading : readings) {
                    if (!reading.isEmpty()) {
                        initials.add(reading.toLowerCase(Locale.ROOT).charAt(0));
                    }
                }
            }
        }
        return initials;
    }
}
