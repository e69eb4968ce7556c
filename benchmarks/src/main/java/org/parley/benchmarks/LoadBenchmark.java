package org.parley.benchmarks;

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
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Load time: one cold load of a system in a fresh JVM per fork (models from the classpath, the
 * OpenNLP peer from its on-disk cache, the encoder's ONNX session started), class loading included.
 */
@State(Scope.Benchmark)
@Fork(value = 5, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 0)
@Measurement(iterations = 1, batchSize = 1)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LoadBenchmark {

    @Param({Systems.FAST, Systems.DEFAULT, Systems.OPENNLP, Systems.LEXICON, Systems.ENCODER})
    public String system;

    private BenchSystem loaded;

    @Benchmark
    public Object load() {
        loaded = Systems.open(system);
        return loaded;
    }

    @TearDown(Level.Iteration)
    public void close() {
        if (loaded != null) {
            loaded.close();
            loaded = null;
        }
    }
}
