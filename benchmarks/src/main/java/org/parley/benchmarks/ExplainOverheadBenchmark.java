package org.parley.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.parley.core.LabeledSentence;
import org.parley.core.Parley;
import org.parley.core.StanceClassifier;

/**
 * The cost of {@code explain} relative to {@code classify} on the default model, measured paired: every
 * operation runs one sentence through both, alternating which goes first, and adds each one's time to
 * its own counter; the ratio {@code explainNanos / classifyNanos} compares the two on the same sentences
 * at the same moments. {@code sentences}: the benchmark sentences (16 words on average) or 64 sentences
 * of the corpus test split (seeded sample, about 25 words on average).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 10)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ExplainOverheadBenchmark {

    @Param({"benchmark", "test"})
    public String sentences;

    private StanceClassifier model;
    private List<String> texts;
    private int next;

    /** Time spent in each of the two, per thread, reset every iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Times {
        public long classifyNanos;
        public long explainNanos;
        boolean classifyFirst;

        @Setup(Level.Iteration)
        public void reset() {
            classifyNanos = 0;
            explainNanos = 0;
        }
    }

    @Setup(Level.Trial)
    public void load() {
        model = Parley.load(Systems.DEFAULT);
        if (sentences.equals("test")) {
            List<String> test = new ArrayList<>(Systems.split(Systems.root()).test().sentences().stream().map(LabeledSentence::text).toList());
            Collections.shuffle(test, new Random(17));
            texts = test.subList(0, 64);
        } else {
            texts = BenchmarkSentences.ALL;
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        model.close();
    }

    @Benchmark
    public void paired(Times t, Blackhole bh) {
        String s = texts.get(next);
        next = (next + 1) % texts.size();
        t.classifyFirst = !t.classifyFirst;
        if (t.classifyFirst) {
            t.classifyNanos += classify(s, bh);
            t.explainNanos += explain(s, bh);
        } else {
            t.explainNanos += explain(s, bh);
            t.classifyNanos += classify(s, bh);
        }
    }

    private long classify(String s, Blackhole bh) {
        long t0 = System.nanoTime();
        bh.consume(model.classify(s));
        return System.nanoTime() - t0;
    }

    private long explain(String s, Blackhole bh) {
        long t0 = System.nanoTime();
        bh.consume(model.explain(s));
        return System.nanoTime() - t0;
    }
}
