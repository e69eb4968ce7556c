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
import org.parley.core.Parley;
import org.parley.encoder.EncoderClassifier;
import org.parley.encoder.TokenStates;

/**
 * The default model's head alone ({@link EncoderClassifier#headScores}) on encoder outputs computed
 * in setup: batches of {@code batch} sentences per second, one thread. With the bare encoder's
 * throughput this shows where the default model's time goes.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HeadOnlyBenchmark {

    @Param({"1", "32", "256"})
    public int batch;

    private EncoderClassifier model;
    private List<List<TokenStates>> batches;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        model = (EncoderClassifier) Parley.load(Systems.DEFAULT);
        List<TokenStates> states = model.encoder().encode(BenchmarkSentences.ALL);
        batches = new ArrayList<>();
        for (int start = 0; start < states.size(); start++) {
            List<TokenStates> b = new ArrayList<>(batch);
            for (int j = 0; j < batch; j++) {
                b.add(states.get((start + j) % states.size()));
            }
            batches.add(b);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        model.close();
    }

    @Benchmark
    public double[][] head() {
        List<TokenStates> b = batches.get(next);
        next = (next + 1) % batches.size();
        return model.headScores(b);
    }
}
