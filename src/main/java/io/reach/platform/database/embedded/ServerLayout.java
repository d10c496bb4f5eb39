package io.reach.platform.database.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Where the embedded server's files go: the unpacked binaries, and a run directory holding
 * {@code pgdata/}, {@code postgres.log} and {@code credentials.properties}.
 *
 * <p>An unprivileged account cannot reach a directory under a {@code 0700} parent, so when
 * privileges are dropped and the configured place is out of its reach, the files move to
 * {@code /var/lib/reach/<hash of the configured path>}.
 */
record ServerLayout(Path binaries, Path runDirectory, boolean relocated) {

    static final Path RELOCATION_ROOT = Path.of("/var/lib/reach");

    Path dataDirectory() {
        return runDirectory.resolve("pgdata");
    }

    Path logFile() {
        return runDirectory.resolve("postgres.log");
    }

    Path credentialsFile() {
        return runDirectory.resolve("credentials.properties");
    }

    static ServerLayout plan(EmbeddedPostgresSettings settings, ServerAccount account, String archive) {
        Path wanted = wantedBase(settings);
        Path base = reachableBase(wanted, account);
        boolean relocated = !base.equals(wanted);
        createOpenDirectory(base);
        requireOwnedByUs(base);
        if (settings.ephemeral()) {
            StaleRuns.deleteAbandoned(base);
        }
        Path binaries = base.resolve("postgres-" + shortHash(archiveLocation(archive)));
        Path run = settings.ephemeral() ? base.resolve("run-" + UUID.randomUUID()) : base;
        createOpenDirectory(run);
        return new ServerLayout(binaries, run, relocated);
    }

    /** Ephemeral servers share one per-user place for the binaries, with a fresh run directory each. */
    static Path wantedBase(EmbeddedPostgresSettings settings) {
        return settings.ephemeral()
                ? Path.of(
                                System.getProperty("java.io.tmpdir"),
                                "reach-embedded-postgres-" + System.getProperty("user.name"))
                        .toAbsolutePath()
                : settings.directory();
    }

    /** {@code wanted}, or its stand-in under {@link #RELOCATION_ROOT} when the server account could not reach it. */
    static Path reachableBase(Path wanted, ServerAccount account) {
        Path parent = wanted.getParent();
        if (account.dropsPrivileges() && parent != null && !FileTrees.traversableByOthers(parent)) {
            return RELOCATION_ROOT.resolve(shortHash(wanted.toString()));
        }
        return wanted;
    }

    /** A shared temporary directory someone else made could hold planted binaries; refuse it. */
    private static void requireOwnedByUs(Path dir) {
        try {
            String owner = Files.getOwner(dir).getName();
            if (!owner.equals(System.getProperty("user.name"))) {
                throw new EmbeddedPostgresException(dir + " belongs to " + owner + ", not to this user; remove it or"
                        + " set reach.embedded-postgres.directory");
            }
        } catch (IOException | UnsupportedOperationException e) {
            // no owner information on this file system: nothing to check
        }
    }

    private static String archiveLocation(String archive) {
        var url = PostgresBinaries.class.getClassLoader().getResource(archive);
        return url == null ? archive : url.toString();
    }

    /** A directory that others may enter (but not list or write), so the server account can pass through. */
    private static void createOpenDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + dir, e);
        }
    }

    static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
