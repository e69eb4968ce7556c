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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.parley.core.Parley;
import org.parley.core.Prediction;
import org.parley.core.StanceClassifier;
import org.parley.models.encoder.OnnxSentenceEncoder;
import org.parley.models.encoder.TokenStates;

/**
 * What the default model's head costs on top of its encoder: the bare encoder (token states and
 * embedding only) against the whole default model, on the same sentences, one sentence per call.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EncoderOverheadBenchmark {

    private OnnxSentenceEncoder encoder;
    private StanceClassifier model;
    private int next;
    private List<List<TokenStates>> states;

    @Setup(Level.Trial)
    public void load() {
        encoder = new OnnxSentenceEncoder(org.parley.models.training.EncoderModelBuilder.DEFAULT_ENCODER, 0);
        model = Parley.load("default");
        states = BenchmarkSentences.ALL.stream().map(s -> encoder.encode(List.of(s))).toList();
    }

    @TearDown(Level.Trial)
    public void close() {
        encoder.close();
        model.close();
    }

    private String sentence() {
        String s = BenchmarkSentences.ALL.get(next);
        next = (next + 1) % BenchmarkSentences.ALL.size();
        return s;
    }

    @Benchmark
    public List<TokenStates> bareEncoder() {
        return encoder.encode(List.of(sentence()));
    }

    /** The head alone, on token states computed in setup. */
    @Benchmark
    public double[][] headOnly() {
        List<TokenStates> s = states.get(next);
        next = (next + 1) % states.size();
        return ((org.parley.models.encoder.EncoderClassifier) model).headScores(s);
    }

    @Benchmark
    public Prediction defaultModel() {
        return model.classify(sentence());
    }
}
