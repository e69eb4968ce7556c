package org.parley.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything one suite run measured, in the shape the report needs. A cell that was not measured
 * (the quick run's reduced matrix) is simply absent and prints as "n/a".
 */
final class Results {

    /** One system's figures. */
    static final class Row {
        Accuracy.Score accuracy;
        /** Sentences per second by {@link #cell(int, int)}. */
        final Map<String, Double> sentencesPerSecond = new TreeMap<>();
        /** Single-sentence latency percentiles in milliseconds, by thread count. */
        final Map<Integer, Double> p50Ms = new TreeMap<>();
        final Map<Integer, Double> p99Ms = new TreeMap<>();
        Double loadMeanS;
        Double loadMinS;
        Double loadMaxS;
        MemoryProbe.Memory memory;
    }

    /** Full or quick. */
    final String mode;
    final Map<String, Row> rows = new LinkedHashMap<>();
    /** Articles per second by model. */
    final Map<String, Double> articlesPerSecond = new LinkedHashMap<>();
    /** The default model's head alone: sentences per second by batch size, one thread. */
    final Map<Integer, Double> headOnlySentencesPerSecond = new TreeMap<>();
    /** Paired measurement: encoder time / whole-model time on the same batches, by {@link #cell}. */
    final Map<String, Double> pairedRatio = new TreeMap<>();
    final List<String> notes = new ArrayList<>();
    Machine machine;
    /** The JMH settings, in words. */
    String settings = "";
    int testSentences;
    int testConflicts;
    int articleSentences;
    double elapsedSeconds;

    Results(String mode) {
        this.mode = mode;
        Systems.ALL.forEach(s -> rows.put(s, new Row()));
    }

    static String cell(int batch, int threads) {
        return String.format("b%03d-t%d", batch, threads);
    }

    Row row(String system) {
        return rows.get(system);
    }

    /** Sentences per second of {@code system} at this batch size and thread count, or null. */
    Double throughput(String system, int batch, int threads) {
        return rows.get(system).sentencesPerSecond.get(cell(batch, threads));
    }
}
