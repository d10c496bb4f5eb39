package io.reach.platform.database.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recovers from a crash: a {@code postmaster.pid} left behind either names a postgres that
 * outlived its JVM (stopped here) or a process that no longer exists (the file is removed,
 * so a recycled pid cannot block the start).
 */
final class StalePidFile {

    private static final Logger log = LoggerFactory.getLogger(StalePidFile.class);

    private final Path dataDirectory;
    private final ServerCommands commands;

    StalePidFile(Path dataDirectory, ServerCommands commands) {
        this.dataDirectory = dataDirectory;
        this.commands = commands;
    }

    void recover() {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = readPid(pidFile);
        boolean orphanedServer = pid > 0 && ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .flatMap(process -> process.info().command())
                .filter(command -> command.endsWith("postgres"))
                .isPresent();
        if (orphanedServer) {
            log.warn("A PostgreSQL server (pid {}) from an earlier run still uses {}; stopping it", pid, dataDirectory);
            commands.run("pg_ctl", "-D", dataDirectory.toString(), "-m", "fast", "-w", "-t", "60", "stop");
        } else {
            log.warn("Removing a stale {} (pid {} is gone) left by a crash", pidFile, pid);
            delete(pidFile);
        }
    }

    private static long readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? -1 : Long.parseLong(lines.getFirst().strip());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static void delete(Path pidFile) {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
