package io.reach.platform.database.embedded;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Run directories of ephemeral servers whose JVM was killed before it could delete them.
 * One is abandoned when it is over an hour old and no live postgres serves it.
 */
final class StaleRuns {

    private static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    private StaleRuns() {}

    static void deleteAbandoned(Path base) {
        Instant cutoff = Instant.now().minus(ABANDONED_AFTER);
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(base, "run-*")) {
            for (Path run : runs) {
                Path data = run.resolve("pgdata");
                long pid = PostmasterPid.read(data).orElse(-1L);
                if (Files.getLastModifiedTime(run).toInstant().isBefore(cutoff)
                        && !StalePidFile.servesThisDirectory(pid, data)) {
                    FileTrees.deleteRecursively(run);
                }
            }
        } catch (IOException | RuntimeException e) {
            // clean-up is best effort; a leftover directory costs disk space, not correctness
        }
    }
}
