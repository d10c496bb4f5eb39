package io.reach.support;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Warm-up rounds for a benchmark, each printed with the share of its wall time the JIT compilers worked, so
 * a reader sees how warm the counted rounds are. Two rounds were not enough for the e-mail bench: its
 * compilers were still busy for half to all of each counted round's wall time (one to two compiler threads
 * on a two-core machine), which was most of what it reported as the campaign's "other" CPU. It runs sixteen,
 * each a whole round as counted (a warm-up that skipped part of a round left that part to be compiled during
 * a counted one: once 446 ms of a campaign). The share then falls to 5–25 % of a round from the eighth on.
 */
public final class JitWarmup {

    private static final CompilationMXBean COMPILER = ManagementFactory.getCompilationMXBean();

    private JitWarmup() {}

    /** Runs {@code round} {@code rounds} times, printing each one's JIT share as {@code <name>_warmup_<n>}. */
    public static void run(String name, Runnable round, int rounds) {
        for (int n = 1; n <= rounds; n++) {
            long compiling = compileMillis();
            long start = System.nanoTime();
            round.run();
            double share = (compileMillis() - compiling) / ((System.nanoTime() - start) / 1e6);
            System.out.printf(Locale.ROOT, "%s_warmup_%d: JIT compiling %.0f %% of the round%n", name, n, 100 * share);
        }
    }

    /** Milliseconds the JIT compilers have spent so far (their elapsed time, summed over compiler threads). */
    public static long compileMillis() {
        return COMPILER.getTotalCompilationTime();
    }
}
