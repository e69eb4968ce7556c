package org.parley.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A long run of classifications leaves the heap and native memory flat (the fast kernel allocates only per call). */
class MemoryStabilityTest {

    private static long usedAfterGc() {
        return org.parley.core.diagnostics.ProcessMemory.measure().heapUsed();
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
        org.parley.core.diagnostics.ProcessMemory nativeBefore = org.parley.core.diagnostics.ProcessMemory.measure();
        for (int i = 0; i < 200_000; i++) {
            clf.classify(inputs.get(i % inputs.size()) + (i % 97));
        }
        long after = usedAfterGc();
        org.parley.core.diagnostics.ProcessMemory nativeAfter = org.parley.core.diagnostics.ProcessMemory.measure();
        assertTrue(after - before < 16L << 20, "heap grew by " + ((after - before) >> 20) + " MB over 200,000 calls");
        if (nativeBefore.offHeapEstimate() >= 0) {
            long grown = nativeAfter.offHeapEstimate() - nativeBefore.offHeapEstimate();
            assertTrue(grown < 32L << 20, "native memory grew by " + (grown >> 20) + " MB: " + nativeBefore + " -> " + nativeAfter);
        }
    }
}
