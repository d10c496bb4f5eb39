package io.reach.support;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * CPU time a benchmark phase took on each side: this JVM (which also runs the bench's own clients) and
 * every PostgreSQL process of the machine (from {@code /proc}, in the kernel's clock ticks). Per event or
 * message, this says which side a path spends its time on — and how much more than its baseline.
 */
public record CpuSplit(double jvmSeconds, double postgresSeconds) {

    private static final double TICKS_PER_SECOND = 100;

    /** The CPU time used so far by both sides. */
    public static CpuSplit now() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new CpuSplit(os.getProcessCpuTime() / 1e9, postgresTicks() / TICKS_PER_SECOND);
    }

    /** What was used between {@code start} and now. */
    public static CpuSplit since(CpuSplit start) {
        CpuSplit end = now();
        return new CpuSplit(end.jvmSeconds - start.jvmSeconds, end.postgresSeconds - start.postgresSeconds);
    }

    /** {@code jvm … µs, postgres … µs per <unit>}. */
    public String per(long count, String unit) {
        return String.format(
                Locale.ROOT,
                "jvm %.1f µs, postgres %.1f µs of CPU per %s",
                jvmSeconds * 1e6 / count,
                postgresSeconds * 1e6 / count,
                unit);
    }

    /**
     * JVM CPU seconds by thread group (digits in thread names dropped) between two {@link #threads()} readings,
     * largest first, with what no live platform thread accounts for (JIT compiler, garbage collector, threads that
     * ended during the phase) as {@code other}.
     */
    public static String threadsSince(java.util.Map<String, Long> start, CpuSplit total) {
        java.util.Map<String, Long> end = threads();
        java.util.Map<String, Long> used = new java.util.HashMap<>();
        end.forEach((group, nanos) -> used.put(group, nanos - start.getOrDefault(group, 0L)));
        double accounted = used.values().stream().mapToLong(Long::longValue).sum() / 1e9;
        StringBuilder out = new StringBuilder();
        used.entrySet().stream()
                .filter(e -> e.getValue() > 5_000_000)
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(8)
                .forEach(e -> out.append(String.format(Locale.ROOT, "%s %.2f s, ", e.getKey(), e.getValue() / 1e9)));
        return out.append(String.format(
                        Locale.ROOT, "other (JIT, GC, threads that ended) %.2f s", total.jvmSeconds - accounted))
                .toString();
    }

    /** CPU nanoseconds so far of each group of live platform threads. */
    public static java.util.Map<String, Long> threads() {
        var mx = ManagementFactory.getThreadMXBean();
        java.util.Map<String, Long> groups = new java.util.HashMap<>();
        for (long id : mx.getAllThreadIds()) {
            var info = mx.getThreadInfo(id);
            long nanos = mx.getThreadCpuTime(id);
            if (info != null && nanos > 0) {
                groups.merge(info.getThreadName().replaceAll("[0-9]+", "N"), nanos, Long::sum);
            }
        }
        return groups;
    }

    private static long postgresTicks() {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes
                    .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(CpuSplit::ticksIfPostgres)
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static long ticksIfPostgres(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            int open = stat.indexOf('(');
            int close = stat.lastIndexOf(')');
            if (!stat.substring(open + 1, close).startsWith("postgres")) {
                return 0;
            }
            String[] fields = stat.substring(close + 2).split(" ");
            // after the command: state(0) … utime(11) stime(12)
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // gone meanwhile, or not readable
        }
    }
}
