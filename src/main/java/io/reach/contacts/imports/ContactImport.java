package io.reach.contacts.imports;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An import and its progress: rows read from the upload ({@code rowsTotal}, refused ones included),
 * rows done so far, contacts created and updated (a row that repeats an address of the file counts
 * as an update), rows refused ({@code errorCount}, each with its line in {@code /errors}). A dry run
 * counts what would happen and changes nothing.
 */
public record ContactImport(
        UUID id,
        ImportFormat format,
        ImportStatus status,
        boolean dryRun,
        @Nullable UUID listId,
        long rowsTotal,
        long rowsDone,
        long createdCount,
        long updatedCount,
        long errorCount,
        @Nullable String failure,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt) {}
