package io.reach.platform.web;

import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a client asked of a list: at most {@code limit} items after the item the cursor names.
 * Lists are ordered by id, which for UUIDv7 ids is creation order.
 */
public record PageRequest(int limit, Optional<UUID> after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static PageRequest of(@Nullable Integer limit, @Nullable String cursor) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new BadRequestException("Invalid limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(
                size, cursor == null || cursor.isBlank() ? Optional.empty() : Optional.of(Cursors.decode(cursor)));
    }

    /** Rows to fetch: one more than the page, to learn whether a next page exists. */
    public int fetchSize() {
        return limit + 1;
    }

    /** For newest-first lists: the id to continue below; the max UUID (above every id) for the first page. */
    public UUID beforeOrEnd() {
        return after.orElse(new UUID(-1L, -1L));
    }

    /** The id to start after; the nil UUID (smaller than every id) for the first page. */
    public UUID afterOrStart() {
        return after.orElse(new UUID(0, 0));
    }
}
