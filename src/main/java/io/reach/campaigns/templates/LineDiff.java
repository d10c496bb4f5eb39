package io.reach.campaigns.templates;

import java.util.ArrayList;
import java.util.List;

/**
 * Two texts side by side, line against line: lines both share (a longest common subsequence) face each
 * other, and between them what the left lost faces what the right gained, marked as changed, removed or
 * added. Texts too long to compare line by line in little memory are shown as one changed block.
 */
public final class LineDiff {

    /** The most cells the comparison table may have (4 million ints: 16 MB). */
    private static final long MAX_CELLS = 4_000_000;

    /** How a row of the side-by-side view differs. */
    public enum Kind {
        SAME,
        CHANGED,
        REMOVED,
        ADDED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One row: a line number of 0 means that side has no line in the row. */
    public record Row(int leftNumber, String left, int rightNumber, String right, Kind kind) {}

    private LineDiff() {}

    public static List<Row> sideBySide(List<String> left, List<String> right) {
        int[][] common = (long) (left.size() + 1) * (right.size() + 1) <= MAX_CELLS ? commonLengths(left, right) : null;
        List<Row> rows = new ArrayList<>();
        List<Integer> lost = new ArrayList<>();
        List<Integer> gained = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < left.size() || j < right.size()) {
            if (common != null
                    && i < left.size()
                    && j < right.size()
                    && left.get(i).equals(right.get(j))) {
                pair(rows, lost, gained, left, right);
                rows.add(new Row(i + 1, left.get(i), j + 1, right.get(j), Kind.SAME));
                i++;
                j++;
            } else if (j < right.size()
                    && (i == left.size() || common == null || common[i][j + 1] >= common[i + 1][j])) {
                gained.add(j++);
            } else {
                lost.add(i++);
            }
        }
        pair(rows, lost, gained, left, right);
        return rows;
    }

    /** {@code common[i][j]}: the length of the longest common subsequence of left[i..] and right[j..]. */
    private static int[][] commonLengths(List<String> left, List<String> right) {
        int[][] common = new int[left.size() + 1][right.size() + 1];
        for (int i = left.size() - 1; i >= 0; i--) {
            for (int j = right.size() - 1; j >= 0; j--) {
                common[i][j] = left.get(i).equals(right.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        return common;
    }

    /** Puts the lines lost and gained since the last shared line face to face, then empties both. */
    private static void pair(
            List<Row> rows, List<Integer> lost, List<Integer> gained, List<String> left, List<String> right) {
        for (int k = 0; k < Math.max(lost.size(), gained.size()); k++) {
            if (k < lost.size() && k < gained.size()) {
                int l = lost.get(k);
                int r = gained.get(k);
                rows.add(new Row(l + 1, left.get(l), r + 1, right.get(r), Kind.CHANGED));
            } else if (k < lost.size()) {
                int l = lost.get(k);
                rows.add(new Row(l + 1, left.get(l), 0, "", Kind.REMOVED));
            } else {
                int r = gained.get(k);
                rows.add(new Row(0, "", r + 1, right.get(r), Kind.ADDED));
            }
        }
        lost.clear();
        gained.clear();
    }
}
