package io.reach.platform.database.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.commons.logging.Log;

/**
 * Recovers from a crash: a {@code postmaster.pid} left behind either names a postgres that
 * outlived its JVM (stopped here) or a process that no longer exists (the file is removed,
 * so a recycled pid cannot block the start).
 */
final class StalePidFile {

    private final Path dataDirectory;
    private final ServerCommands commands;
    private final Log log;

    StalePidFile(Path dataDirectory, ServerCommands commands, Log log) {
        this.log = log;
        this.dataDirectory = dataDirectory;
        this.commands = commands;
    }

    void recover() {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = PostmasterPid.read(dataDirectory).orElse(-1L);
        if (servesThisDirectory(pid, dataDirectory)) {
            log.warn("A PostgreSQL server (pid " + pid + ") from an earlier run still uses " + dataDirectory
                    + "; stopping it");
            commands.run("pg_ctl", "-D", dataDirectory.toString(), "-m", "fast", "-w", "-t", "60", "stop");
        } else {
            log.warn("Removing a stale " + pidFile + " (pid " + pid + " is gone) left by a crash");
            delete(pidFile);
        }
    }

    /**
     * Whether {@code pid} is a live postgres serving {@code dataDirectory}: a postmaster works in
     * its data directory, which Linux shows as {@code /proc/<pid>/cwd}. Elsewhere the command
     * name has to do.
     */
    static boolean servesThisDirectory(long pid, Path dataDirectory) {
        Optional<ProcessHandle> process =
                pid > 0 ? ProcessHandle.of(pid).filter(ProcessHandle::isAlive) : Optional.empty();
        if (process.isEmpty()) {
            return false;
        }
        Path cwd = Path.of("/proc", Long.toString(pid), "cwd");
        if (Files.exists(Path.of("/proc/self/cwd"))) {
            try {
                return cwd.toRealPath().equals(dataDirectory.toRealPath());
            } catch (IOException e) {
                return false;
            }
        }
        return process.get()
                .info()
                .command()
                .filter(command -> command.contains("postgres"))
                .isPresent();
    }

    private static void delete(Path pidFile) {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
