package io.reach.podcasts.counting;

import java.util.Arrays;

/**
 * The union of byte ranges delivered to one listener for one episode: overlapping and repeated
 * ranges count once (the guidelines' one-minute rule is about bytes delivered, never a sum of
 * requests). Ranges are half-open, {@code [from, to)}.
 */
final class ByteUnion {

    private long[] starts = new long[4];
    private long[] ends = new long[4];
    private int size;
    private long total;

    /** Adds {@code [from, to)}; an empty or inverted range adds nothing. */
    void add(long from, long to) {
        if (to <= from) {
            return;
        }
        // The first interval that ends at or after from, and the first that starts after to.
        int first = 0;
        while (first < size && ends[first] < from) {
            first++;
        }
        int last = first;
        long start = from;
        long end = to;
        while (last < size && starts[last] <= to) {
            start = Math.min(start, starts[last]);
            end = Math.max(end, ends[last]);
            total -= ends[last] - starts[last];
            last++;
        }
        int removed = last - first;
        if (removed == 0) {
            grow();
            System.arraycopy(starts, first, starts, first + 1, size - first);
            System.arraycopy(ends, first, ends, first + 1, size - first);
            size++;
        } else if (removed > 1) {
            System.arraycopy(starts, last, starts, first + 1, size - last);
            System.arraycopy(ends, last, ends, first + 1, size - last);
            size -= removed - 1;
        }
        starts[first] = start;
        ends[first] = end;
        total += end - start;
    }

    /** Bytes covered. */
    long total() {
        return total;
    }

    /** Whether every byte of {@code [from, to)} is covered. */
    boolean covers(long from, long to) {
        for (int i = 0; i < size; i++) {
            if (starts[i] <= from && ends[i] >= to) {
                return true;
            }
        }
        return to <= from;
    }

    /** Whether any byte of {@code [from, to)} is covered. */
    boolean touches(long from, long to) {
        for (int i = 0; i < size; i++) {
            if (starts[i] < to && ends[i] > from) {
                return true;
            }
        }
        return false;
    }

    void clear() {
        size = 0;
        total = 0;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < size; i++) {
            text.append(i == 0 ? "" : ", ").append(starts[i]).append('-').append(ends[i]);
        }
        return text.append(']').toString();
    }

    private void grow() {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
        }
    }
}
