package org.parley.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Memory held by one loaded system, measured in a fresh JVM per system ({@link #main} runs in the
 * child, {@link #measure} starts it). Heap: heap used after GC, after minus before the load (from
 * {@link MemoryMXBean}). Off-heap: growth of the process's resident set ({@code VmRSS} in
 * {@code /proc/self/status}) minus the growth of the committed heap. The child runs with a fixed,
 * pre-touched heap ({@value #HEAP}, {@code -XX:+AlwaysPreTouch}), so heap pages are resident before
 * the first reading and the RSS growth is the native part alone: ONNX Runtime sessions and arenas,
 * native libraries, metaspace and code for the classes the load brings in. Both are read right
 * after loading and again after a first batch of 32 sentences (lazy allocations).
 */
public final class MemoryProbe {

    static final String HEAP = "2g";
    private static final String PREFIX = "parley-memory ";

    private MemoryProbe() {
    }

    /** Bytes held, right after the load and after the first batch. */
    public record Memory(long heapAfterLoad, long offHeapAfterLoad, long heapAfterUse, long offHeapAfterUse) {
    }

    /** Child-JVM entry point: {@code MemoryProbe SYSTEM}; prints one line for {@link #measure}. */
    public static void main(String[] args) throws Exception {
        MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
        settle();
        long heap0 = mx.getHeapMemoryUsage().getUsed();
        long committed0 = mx.getHeapMemoryUsage().getCommitted();
        long rss0 = rss();
        BenchSystem system = Systems.open(args[0]);
        settle();
        long heap1 = mx.getHeapMemoryUsage().getUsed();
        long off1 = rss() - rss0 - (mx.getHeapMemoryUsage().getCommitted() - committed0);
        system.newWorker().run(BenchmarkSentences.batches(32).get(0));
        settle();
        long heap2 = mx.getHeapMemoryUsage().getUsed();
        long off2 = rss() - rss0 - (mx.getHeapMemoryUsage().getCommitted() - committed0);
        Reference.reachabilityFence(system);
        System.out.println(PREFIX + (heap1 - heap0) + " " + off1 + " " + (heap2 - heap0) + " " + off2);
        system.close();
    }

    private static void settle() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
    }

    /** The resident set size of this process, in bytes. */
    static long rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IOException("No VmRSS in /proc/self/status");
    }

    /** Runs the probe for {@code system} in a fresh JVM with this JVM's classpath. */
    public static Memory measure(String system, Path root) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms" + HEAP, "-Xmx" + HEAP, "-XX:+AlwaysPreTouch", "-Dparley.root=" + root));
        cmd.addAll(BenchmarkSuite.LOG_LEVELS);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), MemoryProbe.class.getName(), system));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        for (String line : out.split("\n")) {
            if (line.startsWith(PREFIX)) {
                String[] f = line.substring(PREFIX.length()).trim().split(" ");
                return new Memory(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]));
            }
        }
        throw new IOException("The memory probe for " + system + " failed (exit " + rc + "):\n" + out);
    }
}
