package io.vigil.server.scan.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlertCsvTest {

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreDefused() {
        assertThat(AlertCsv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(AlertCsv.cell("+1")).isEqualTo("\"'+1\"");
        assertThat(AlertCsv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(AlertCsv.cell("-2")).isEqualTo("\"'-2\"");
    }

    @Test
    void ordinaryCellsAreQuotedOnlyWhenTheyMustBe() {
        assertThat(AlertCsv.cell("pgustavo")).isEqualTo("pgustavo");
        assertThat(AlertCsv.cell("a, b")).isEqualTo("\"a, b\"");
        assertThat(AlertCsv.cell("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(AlertCsv.cell(null)).isEmpty();
    }
}
