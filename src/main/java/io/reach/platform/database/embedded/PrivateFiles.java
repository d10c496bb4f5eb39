package io.reach.platform.database.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Files only their owner may read, private from the moment they exist (no window before a chmod). */
final class PrivateFiles {

    private PrivateFiles() {}

    /** Creates {@code file} empty with mode 0600, replacing any earlier one. */
    static Path create(Path file) throws IOException {
        Files.deleteIfExists(file);
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createFile(file);
        }
        return Files.createFile(
                file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
}
