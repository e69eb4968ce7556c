package org.parley.benchmarks;

import java.util.List;
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
import org.parley.core.Parley;
import org.parley.encoder.EncoderClassifier;

/**
 * The default model's cost over its bare encoder, measured paired: every operation runs the same
 * batch through the encoder alone and through the whole model ({@code classifyAll}), alternating which
 * goes first, and adds each one's time to its own counter. The ratio of the two counters compares the
 * two on the same sentences at the same moments, so machine drift between separate runs cancels out.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PairedOverheadBenchmark {

    @Param({"1", "32"})
    public int batch;

    private EncoderClassifier model;
    private List<List<String>> batches;
    private int next;

    /** Time spent in each of the two, per thread, reset every iteration (JMH sums them over threads). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Times {
        public long encoderNanos;
        public long modelNanos;
        boolean encoderFirst;

        @Setup(Level.Iteration)
        public void reset() {
            encoderNanos = 0;
            modelNanos = 0;
        }
    }

    @Setup(Level.Trial)
    public void load() {
        model = (EncoderClassifier) Parley.load(Systems.DEFAULT);
        batches = BenchmarkSentences.batches(batch);
    }

    @TearDown(Level.Trial)
    public void close() {
        model.close();
    }

    @Benchmark
    public void paired(Times t, Blackhole bh) {
        List<String> b = batches.get(next);
        next = (next + 1) % batches.size();
        t.encoderFirst = !t.encoderFirst;
        if (t.encoderFirst) {
            t.encoderNanos += encoder(b, bh);
            t.modelNanos += model(b, bh);
        } else {
            t.modelNanos += model(b, bh);
            t.encoderNanos += encoder(b, bh);
        }
    }

    private long encoder(List<String> b, Blackhole bh) {
        long t0 = System.nanoTime();
        bh.consume(model.encoder().encode(b));
        return System.nanoTime() - t0;
    }

    private long model(List<String> b, Blackhole bh) {
        long t0 = System.nanoTime();
        bh.consume(model.classifyAll(b));
        return System.nanoTime() - t0;
    }
}
