package org.parley.core.diagnostics;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Memory readings for soak tests and benchmarks: the Java heap in use after garbage collection, the
 * process's resident set (Linux {@code /proc/self/status}), and an estimate of native (off-heap) memory:
 * resident set minus the JVM's committed heap and non-heap. Native memory is what ONNX Runtime, the
 * tokenizer and ND4J hold outside the Java heap. Not part of the classification API.
 *
 * @param heapUsed    heap bytes in use after GC
 * @param resident    resident set size in bytes, or -1 where /proc is unavailable
 * @param offHeapEstimate resident minus committed heap and non-heap, or -1 where /proc is unavailable
 */
public record ProcessMemory(long heapUsed, long resident, long offHeapEstimate) {

    /** Runs GC a few times and reads the memory figures. */
    public static ProcessMemory measure() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        MemoryMXBean m = ManagementFactory.getMemoryMXBean();
        long heapUsed = m.getHeapMemoryUsage().getUsed();
        long committed = m.getHeapMemoryUsage().getCommitted() + m.getNonHeapMemoryUsage().getCommitted();
        long rss = residentBytes();
        return new ProcessMemory(heapUsed, rss, rss < 0 ? -1 : rss - committed);
    }

    /** VmRSS of this process, or -1 when it cannot be read. */
    public static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc unreadable
        }
        return -1;
    }

    /** The figures in MB, for logs. */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "heap %.1f MB, resident %.1f MB, off-heap ~%.1f MB",
                heapUsed / 1048576.0, resident / 1048576.0, offHeapEstimate / 1048576.0);
    }
}
