package org.anxin.platform.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SettlementCsvTest {

    @Test
    void leavesPlainTextAndNumbersAsTheyAre() {
        assertThat(SettlementCsv.cell("王秀英")).isEqualTo("王秀英");
        assertThat(SettlementCsv.cell("80.00")).isEqualTo("80.00");
        assertThat(SettlementCsv.cell(null)).isEmpty();
    }

    @Test
    void quotesCommasQuotesAndLineBreaksDoublingTheQuotes() {
        assertThat(SettlementCsv.cell("张,伯")).isEqualTo("\"张,伯\"");
        assertThat(SettlementCsv.cell("张\"老\"伯")).isEqualTo("\"张\"\"老\"\"伯\"");
        assertThat(SettlementCsv.cell("TOO_SHORT: a\nOVERLAP: b")).isEqualTo("\"TOO_SHORT: a\nOVERLAP: b\"");
        assertThat(SettlementCsv.cell("a\r\nb")).isEqualTo("\"a\r\nb\"");
    }

    @Test
    void defusesTextThatExcelWouldRunAsAFormula() {
        assertThat(SettlementCsv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(SettlementCsv.cell("+8613800000000")).isEqualTo("'+8613800000000");
        assertThat(SettlementCsv.cell("-1")).isEqualTo("'-1");
        assertThat(SettlementCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }
}
