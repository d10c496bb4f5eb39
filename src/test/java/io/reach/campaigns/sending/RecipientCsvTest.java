package io.reach.campaigns.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Recipient CSV as spreadsheets write it: BOM, `,` `;` or tab, loose header names, line numbers. */
class RecipientCsvTest {

    @Test
    void eachDelimiterIsDetectedFromTheHeaderLine() {
        for (String csv : List.of(
                "email,First Name\na@x.example,Ann\n",
                "email;First Name\na@x.example;Ann\n",
                "email\tFirst Name\na@x.example\tAnn\n",
                "\uFEFFemail;First Name\r\na@x.example;Ann\r\n",
                "\"email\";\"First Name\"\na@x.example;\"Ann, the first\"\n")) {
            var rows = Recipients.csv(csv, Channel.EMAIL);

            assertThat(rows).as(csv).hasSize(1);
            assertThat(rows.getFirst().email()).as(csv).isEqualTo("a@x.example");
            assertThat(rows.getFirst().variables().get("first_name")).as(csv).startsWith("Ann");
        }
    }

    @Test
    void headerNamesAreMatchedWhateverTheirCaseSpacesAndDashes() {
        assertThat(Recipients.header(" First Name ")).isEqualTo("first_name");
        assertThat(Recipients.header("FIRST-NAME")).isEqualTo("first_name");
        assertThat(Recipients.header("E-mail")).isEqualTo("email");
        assertThat(Recipients.header("Email Address")).isEqualTo("email");
        assertThat(Recipients.header("Phone Number")).isEqualTo("phone");
        assertThat(Recipients.header("Name")).isEqualTo("name");
    }

    @Test
    void rowsKeepTheirLineInTheFileCountingTheHeaderAndQuotedLineBreaks() {
        var rows = Recipients.csv(
                "Email,Note\na@x.example,one\n\nb@x.example,\"two\nlines\"\nc@x.example,three\n", Channel.EMAIL);

        assertThat(rows).extracting(Recipients.Given::line).containsExactly(2, 4, 6);
    }
}
