package org.parley.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
import org.parley.core.Parley;
import org.parley.core.Prediction;
import org.parley.core.StanceClassifier;

/**
 * Latency of one sentence and throughput of a batch of 256, for each shipped model. Sentences are
 * written for this benchmark (news and diplomatic register, 8-45 words).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ClassifierBenchmark {

    @Param({"fast", "default"})
    public String model;

    private StanceClassifier classifier;
    private List<String> batch;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        classifier = Parley.load(model);
        batch = new ArrayList<>(256);
        for (int i = 0; i < 256; i++) {
            batch.add(BenchmarkSentences.ALL.get(i % BenchmarkSentences.ALL.size()));
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        classifier.close();
    }

    /** One sentence per call; reports time per sentence. */
    @Benchmark
    @BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Prediction oneSentence() {
        String s = BenchmarkSentences.ALL.get(next);
        next = (next + 1) % BenchmarkSentences.ALL.size();
        return classifier.classify(s);
    }

    /** A batch of 256 sentences per call; multiply ops/s by 256 for sentences/s. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void batchOf256(Blackhole bh) {
        bh.consume(classifier.classifyAll(batch));
    }
}
