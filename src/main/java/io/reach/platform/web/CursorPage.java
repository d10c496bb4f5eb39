package io.reach.platform.web;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list: {@code {"items": [...], "next_cursor": "..."}}; {@code next_cursor} is null
 * on the last page.
 */
public record CursorPage<T>(List<T> items, @Nullable String nextCursor) {

    /**
     * Makes a page from rows fetched with {@code limit + 1} (see {@link PageRequest#fetchSize()}):
     * the extra row only tells that another page exists.
     */
    public static <T> CursorPage<T> of(List<T> rows, PageRequest request, Function<T, UUID> idOf) {
        if (rows.size() <= request.limit()) {
            return new CursorPage<>(List.copyOf(rows), null);
        }
        List<T> items = List.copyOf(rows.subList(0, request.limit()));
        return new CursorPage<>(items, Cursors.encode(idOf.apply(items.getLast())));
    }

    /**
     * A whole list as one page ({@code next_cursor} null): a small catalog, a top-N or a series
     * whose length the request bounds. Lists that can grow without bound are paged with {@link #of}.
     */
    public static <T> CursorPage<T> whole(List<T> items) {
        return new CursorPage<>(List.copyOf(items), null);
    }

    public <R> CursorPage<R> map(Function<T, R> mapper) {
        return new CursorPage<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
