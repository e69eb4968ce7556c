package org.parley.benchmarks;

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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput: batches of {@code batch} sentences per second through one shared system (run with 1
 * or 2 JMH threads); sentences/s is the score times {@code batch}.
 */
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ThroughputBenchmark {

    /** JMH state: the batches, shared read-only. */
    @State(Scope.Benchmark)
    public static class Batches {
        @Param({"1", "32", "256"})
        public int batch;

        List<List<String>> lists;

        @Setup(Level.Trial)
        public void build() {
            lists = BenchmarkSentences.batches(batch);
        }
    }

    @Benchmark
    public Object batch(SystemState.PerThread thread, Batches batches) {
        return thread.worker.run(batches.lists.get(thread.next(batches.lists.size())));
    }
}
