package org.parley.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.parley.core.StanceClassifier;
import org.parley.core.diagnostics.ProcessMemory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code stance soak}: a long classification run that reports memory as it goes. */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = {"Classify generated sentences in a loop on several threads sharing one model, printing heap (after GC),",
                "resident and estimated native memory every --every calls, then the growth since the first report.",
                "Exit code 1 if the heap grew by more than 64 MB or native memory by more than 256 MB."})
final class SoakCommand implements Callable<Integer> {

    @Mixin
    ModelOption model;

    @Option(names = {"-n", "--calls"}, defaultValue = "10000000", description = "Classifications in all (default: ${DEFAULT-VALUE}).")
    long calls;

    @Option(names = {"-t", "--threads"}, defaultValue = "2", description = "Threads sharing the model (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--every", defaultValue = "100000", description = "Report every this many calls (default: ${DEFAULT-VALUE}).")
    long every;

    @Spec
    CommandSpec spec;

    private static final String[] WORDS = {"Norway", "will", "host", "the", "talks", "council", "condemned", "strike", "aid",
            "reached", "town", "sanctions", "truce", "envoy", "urged", "restraint", "Kenya", "offered", "to", "mediate", "on",
            "Monday", "and", "civilians", "borders", "weapons", "progress", "concerns", "both", "sides"};

    @Override
    public Integer call() throws Exception {
        if (calls < 1 || threads < 1 || threads > 64 || every < 1) {
            throw new CliException("--calls and --every must be positive and --threads in [1, 64]");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (StanceClassifier clf = model.load()) {
            AtomicLong next = new AtomicLong();
            ProcessMemory first = null;
            ProcessMemory last = null;
            long t0 = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                for (long done = 0; done < calls; ) {
                    long target = Math.min(calls, done + every);
                    List<Future<?>> f = new ArrayList<>();
                    for (int t = 0; t < threads; t++) {
                        f.add(pool.submit(() -> {
                            for (long i = next.getAndIncrement(); i < target; i = next.getAndIncrement()) {
                                clf.classify(sentence(i));
                            }
                            return null;
                        }));
                    }
                    for (Future<?> x : f) {
                        x.get();
                    }
                    next.set(target);
                    done = target;
                    last = ProcessMemory.measure();
                    if (first == null) {
                        first = last;
                    }
                    out.printf(Locale.ROOT, "%,d calls  %.0f s  %s%n", done, (System.nanoTime() - t0) / 1e9, last);
                    out.flush();
                }
            } finally {
                pool.shutdownNow();
            }
            long heap = last.heapUsed() - first.heapUsed();
            long offHeap = last.offHeapEstimate() - first.offHeapEstimate();
            out.printf(Locale.ROOT, "growth since the first report: heap %+.1f MB, native ~%+.1f MB%n", heap / 1048576.0, offHeap / 1048576.0);
            return heap > 64L << 20 || offHeap > 256L << 20 ? 1 : 0;
        }
    }

    /** A deterministic pseudo-sentence of 6-20 words for call {@code i}. */
    static String sentence(long i) {
        long x = i * 0x9E3779B97F4A7C15L;
        int n = 6 + (int) Long.remainderUnsigned(x, 15);
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < n; k++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            if (k > 0) {
                sb.append(' ');
            }
            sb.append(WORDS[(int) Long.remainderUnsigned(x >>> 33, WORDS.length)]);
        }
        return sb.append('.').toString();
    }
}
