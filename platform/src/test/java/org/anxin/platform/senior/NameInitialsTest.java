package org.anxin.platform.senior;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameInitialsTest {

    @Test
    void givesTheInitialOfEachCharactersReading() {
        assertThat(NameInitials.of("王秀英")).isEqualTo("wxy");
        assertThat(NameInitials.of("张桂兰")).isEqualTo("zgl");
    }

    @Test
    void givesEverySpellingOfACharacterWithSeveralReadings() {
        // 单 is dān (single) or shàn (the surname) or chán
        assertThat(NameInitials.of("单秀兰").split(" ")).contains("sxl", "dxl");
    }

    @Test
    void keepsLatinLettersAndDigitsAndSkipsTheRest() {
        assertThat(NameInitials.of("Anna·李 2")).isEqualTo("annal2");
        assertThat(NameInitials.of("·")).isEmpty();
    }

    @Test
    void capsTheNumberOfSpellings() {
        // every character here has two or more readings
        assertThat(NameInitials.of("单曾解朴区").split(" ")).hasSizeLessThanOrEqualTo(NameInitials.MAX_SPELLINGS);
    }
}
