package io.reach.campaigns.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Objects;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Two versions side by side: every line of each side appears once, in order, and only differences are marked. */
class LineDiffTest {

    @Test
    void aChangedLineFacesItsReplacementBetweenSharedLines() {
        List<LineDiff.Row> rows = LineDiff.sideBySide(List.of("a", "b", "c"), List.of("a", "B", "c", "d"));

        assertThat(rows)
                .containsExactly(
                        new LineDiff.Row(1, "a", 1, "a", LineDiff.Kind.SAME),
                        new LineDiff.Row(2, "b", 2, "B", LineDiff.Kind.CHANGED),
                        new LineDiff.Row(3, "c", 3, "c", LineDiff.Kind.SAME),
                        new LineDiff.Row(0, "", 4, "d", LineDiff.Kind.ADDED));
    }

    @Test
    void aRemovedLineHasNothingFacingIt() {
        assertThat(LineDiff.sideBySide(List.of("a", "b"), List.of("b")))
                .containsExactly(
                        new LineDiff.Row(1, "a", 0, "", LineDiff.Kind.REMOVED),
                        new LineDiff.Row(2, "b", 1, "b", LineDiff.Kind.SAME));
    }

    @Property
    void eachSideReadsBackInOrderAndSameRowsAreEqualLines(
            @ForAll @Size(max = 12) List<@StringLength(max = 2) String> left,
            @ForAll @Size(max = 12) List<@StringLength(max = 2) String> right) {
        List<LineDiff.Row> rows = LineDiff.sideBySide(left, right);

        assertThat(rows.stream().filter(row -> row.leftNumber() > 0).map(LineDiff.Row::left))
                .containsExactlyElementsOf(left);
        assertThat(rows.stream().filter(row -> row.rightNumber() > 0).map(LineDiff.Row::right))
                .containsExactlyElementsOf(right);
        assertThat(rows)
                .filteredOn(row -> row.kind() == LineDiff.Kind.SAME)
                .allMatch(row -> Objects.equals(row.left(), row.right()));
        if (left.equals(right)) {
            assertThat(rows).allMatch(row -> row.kind() == LineDiff.Kind.SAME);
        }
    }
}
