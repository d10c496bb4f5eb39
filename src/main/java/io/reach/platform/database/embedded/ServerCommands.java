package io.reach.platform.database.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the PostgreSQL command-line programs ({@code initdb}, {@code pg_ctl}) as the server account. */
final class ServerCommands {

    private static final long TIMEOUT_SECONDS = 120;

    private final Path binaries;
    private final ServerAccount account;

    ServerCommands(Path binaries, ServerAccount account) {
        this.binaries = binaries;
        this.account = account;
    }

    void run(String program, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(binaries.resolve("bin").resolve(program).toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(account.command(command)).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C");
        try {
            Process process = builder.start();
            CompletableFuture<String> output =
                    CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()), Thread.ofVirtual()::start);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new EmbeddedPostgresException(program + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new EmbeddedPostgresException(program + " failed (exit " + process.exitValue() + "): "
                        + output.completeOnTimeout("(no output)", 5, TimeUnit.SECONDS)
                                .join());
            }
        } catch (IOException e) {
            throw new EmbeddedPostgresException("Could not run " + program, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedPostgresException("Interrupted while running " + program, e);
        }
    }

    /** The server pg_ctl starts writes to its log file, not to this pipe, so reading ends with pg_ctl. */
    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "(output unreadable: " + e.getMessage() + ")";
        }
    }
}
