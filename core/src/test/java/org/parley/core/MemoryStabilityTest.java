package org.parley.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A long run of classifications leaves the heap flat (the fast kernel allocates only per call). */
class MemoryStabilityTest {

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    @Test
    void twoHundredThousandClassificationsKeepTheHeapFlat() {
        StanceClassifier clf = TestModels.random(11);
        List<String> inputs = List.of("The council condemned the attack on the convoy and called for a truce.",
                "Norway offered to host the next round.", "", "Sanctions on the bank remain in force.");
        for (int i = 0; i < 20_000; i++) {
            clf.classify(inputs.get(i % inputs.size()));
        }
        long before = usedAfterGc();
        for (int i = 0; i < 200_000; i++) {
            clf.classify(inputs.get(i % inputs.size()) + (i % 97));
        }
        long after = usedAfterGc();
        assertTrue(after - before < 16L << 20, "heap grew by " + ((after - before) >> 20) + " MB over 200,000 calls");
    }
}
