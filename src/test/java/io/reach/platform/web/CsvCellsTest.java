package io.reach.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** CSV cells read back as written, except that none of them can start a spreadsheet formula. */
class CsvCellsTest {

    @Property
    void aCellReadsBackAsItsTextBehindAQuoteWhenASpreadsheetWouldRunIt(@ForAll("cells") String text) {
        List<String> read = readRow(CsvCells.row(List.of("before", text, "after")));

        assertThat(read).hasSize(3);
        assertThat(read.get(1)).isEqualTo(CsvCells.formula(text) ? "'" + text : text);
        assertThat(read.get(1).isEmpty() || !CsvCells.formula(read.get(1)))
                .as("what a spreadsheet reads cannot run")
                .isTrue();
        assertThat(read.get(0)).isEqualTo("before");
        assertThat(read.get(2)).isEqualTo("after");
    }

    @Property
    void numbersTheApplicationComputedStayNumbers(@ForAll long count, @ForAll BigDecimal sum) {
        assertThat(readRow(CsvCells.row(List.of(count, sum))))
                .containsExactly(Long.toString(count), sum.toPlainString());
    }

    @Test
    void theCellsOwaspNamesAreNeutralised() {
        assertThat(CsvCells.text("=HYPERLINK(\"https://evil.example\",\"Click\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"Click\"\")\"");
        assertThat(List.of("+1", "-1", "@SUM(A1)", "\tx", "\rx", " =1", "\uFF1D1"))
                .allSatisfy(cell -> assertThat(CsvCells.text(cell)).startsWith("\"'"));
        assertThat(CsvCells.text("/pricing")).isEqualTo("/pricing");
        assertThat(CsvCells.text("a;b")).as("a separator of other locales").isEqualTo("\"a;b\"");
        assertThat(CsvCells.document(List.of("page_url", "events"), List.of(List.of("-1", -1L))))
                .isEqualTo("page_url,events\n\"'-1\",-1\n");
    }

    @Provide
    Arbitrary<String> cells() {
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<String> risky =
                Arbitraries.of("=", "+", "-", "@", "\t", "\r", " ", "\"", ",", ";", "\n", "'", "\uFF1D", "a");
        Arbitrary<String> formulaLike = Arbitraries.of("=", "+", "-", "@", "\t", "\r", " =", "  @", "\uFF0B")
                .flatMap(start -> any.map(rest -> start + rest));
        return Arbitraries.oneOf(any, formulaLike, risky.list().ofMaxSize(8).map(parts -> String.join("", parts)));
    }

    private static List<String> readRow(String row) {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(row)) {
            List<CsvRecord> records = new ArrayList<>();
            reader.forEach(records::add);
            assertThat(records).as(row).hasSize(1);
            return records.getFirst().getFields();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
