package org.parley.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of one sentence: the distribution of single-sentence call times (p50, p99 from JMH's
 * sampling), the sentences rotating through {@link BenchmarkSentences#ALL}.
 */
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LatencyBenchmark {

    @Benchmark
    public Object oneSentence(SystemState.PerThread thread) {
        return thread.worker.runOne(BenchmarkSentences.ALL.get(thread.next(BenchmarkSentences.ALL.size())));
    }
}
