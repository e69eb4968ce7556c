package org.parley.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.core.Parley;
import org.parley.core.Prediction;
import org.parley.core.StanceClassifier;
import org.parley.core.diagnostics.ProcessMemory;

/**
 * The default (encoder) model under load: 8 threads classifying 20,000 sentences get exactly the
 * single-thread results, and 200,000 classifications leave the heap and native memory (ONNX Runtime,
 * tokenizer) flat. Sentences are short so the 200,000 calls fit in a CI run; ten million are a soak
 * command (docs/reliability.md).
 */
class DefaultModelSoakIT {

    private static StanceClassifier clf;

    @BeforeAll
    static void load() {
        clf = Parley.load();
    }

    @AfterAll
    static void close() {
        clf.close();
    }

    private static final List<String> STEMS = List.of("Norway will host the talks", "The council condemned the strike",
            "Aid reached the town", "Sanctions stay in force", "Both sides agreed to a truce", "Talks resume Monday",
            "The envoy urged restraint", "Kenya offered to mediate");

    private static String sentence(int i) {
        return STEMS.get(i % STEMS.size()) + " " + (i % 251) + ".";
    }

    @Test
    void eightThreadsClassifyTwentyThousandSentencesLikeOneThread() throws Exception {
        List<String> distinct = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            distinct.add(sentence(i * 7 + i / STEMS.size()));
        }
        List<Prediction> expected = clf.classifyAll(distinct);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t * 251;
                futures.add(pool.submit(() -> {
                    int mismatches = 0;
                    for (int k = 0; k < 2_500; k++) {
                        int i = (offset + k) % distinct.size();
                        if (!expected.get(i).equals(clf.classify(distinct.get(i)))) {
                            mismatches++;
                        }
                        done.incrementAndGet();
                    }
                    return mismatches;
                }));
            }
            for (Future<Integer> f : futures) {
                assertEquals(0, f.get(), "predictions differing from the single-thread run");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(20_000, done.get());
    }

    @Test
    void twoHundredThousandClassificationsKeepHeapAndNativeMemoryFlat() throws Exception {
        run(20_000);
        ProcessMemory before = ProcessMemory.measure();
        run(180_000);
        ProcessMemory after = ProcessMemory.measure();
        System.out.println("default model, 180,000 calls after 20,000 warm-up: " + before + " -> " + after);
        long heap = after.heapUsed() - before.heapUsed();
        assertTrue(heap < 16L << 20, "heap grew by " + (heap >> 20) + " MB: " + before + " -> " + after);
        if (before.offHeapEstimate() >= 0) {
            long offHeap = after.offHeapEstimate() - before.offHeapEstimate();
            assertTrue(offHeap < 48L << 20, "native memory grew by " + (offHeap >> 20) + " MB: " + before + " -> " + after);
        }
    }

    /** Classifies {@code n} short sentences on two threads sharing the model. */
    private static void run(int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> f = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int from = t;
                f.add(pool.submit(() -> {
                    for (int i = from; i < n; i += 2) {
                        clf.classify(sentence(i));
                    }
                }));
            }
            for (Future<?> x : f) {
                x.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
