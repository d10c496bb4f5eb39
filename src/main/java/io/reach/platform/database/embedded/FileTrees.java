package io.reach.platform.database.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.stream.Stream;

/** Small file-system helpers the launcher needs. */
final class FileTrees {

    private FileTrees() {}

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(FileTrees::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether every existing directory from the root down to {@code path} lets other users in
     * (the x bit for others), which an unprivileged account needs to reach {@code path}.
     */
    static boolean traversableByOthers(Path path) {
        Path current = path.toAbsolutePath().normalize();
        while (current != null) {
            if (Files.isDirectory(current) && !othersMayEnter(current)) {
                return false;
            }
            current = current.getParent();
        }
        return true;
    }

    private static boolean othersMayEnter(Path dir) {
        try {
            return Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE);
        } catch (UnsupportedOperationException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
