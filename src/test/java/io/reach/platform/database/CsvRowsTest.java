package io.reach.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvRowsTest {

    @Test
    void rowsAreTheUtf8BytesOfTheSameRowsWrittenAsText() throws IOException {
        @org.jspecify.annotations.Nullable
        String[][] rows = {
            {"plain", null, "", "say \"hi\"", "nul\u0000dropped"},
            {"café", "Ωmega", "€uro", "emoji \uD83D\uDE00 pair", "lone \uD800 high", "lone \uDC00 low", "end \uD83D"},
            {"a,b", "line\nbreak", "tab\tstop"}
        };
        CsvRows bytes = new CsvRows(1); // grows from the smallest buffer
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            bytes.row(row);
            CopyCsv.row(text, row);
        }

        assertThat(bytes.stream().readAllBytes()).isEqualTo(text.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(bytes.size()).isEqualTo(text.toString().getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void randomTextOfEveryKindOfCharacterEncodesAsJavaEncodesIt() throws IOException {
        Random random = new Random(20);
        CsvRows bytes = new CsvRows(16);
        StringBuilder text = new StringBuilder();
        for (int row = 0; row < 200; row++) {
            @org.jspecify.annotations.Nullable String[] values = new String[1 + random.nextInt(5)];
            for (int v = 0; v < values.length; v++) {
                StringBuilder value = new StringBuilder();
                for (int c = random.nextInt(40); c > 0; c--) {
                    value.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000)));
                }
                values[v] = random.nextInt(10) == 0 ? null : value.toString();
            }
            bytes.row(values);
            CopyCsv.row(text, values);
        }

        assertThat(bytes.stream().readAllBytes()).isEqualTo(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void valuesOfARowAreSeparatedAndARowEndsWithANewLine() throws IOException {
        CsvRows bytes = new CsvRows(64);
        bytes.value("a").value(null).value("b");
        bytes.end();

        assertThat(new String(bytes.stream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("\"a\",,\"b\"\n");
    }
}
