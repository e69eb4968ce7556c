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
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.parley.core.DocumentAnalysis;
import org.parley.core.DocumentAnalyzer;
import org.parley.core.Parley;
import org.parley.core.StanceClassifier;

/**
 * Document throughput: the 30-sentence {@link Article} analysed per second by a
 * {@link DocumentAnalyzer} (splitting, classification, speakers, profile), one thread.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ArticleBenchmark {

    /** How an article is processed, for the report. */
    static final String METHOD = "`DocumentAnalyzer.analyze` (sentence splitting, one `classifyAll` batch, speaker"
            + " attribution, label profile)";

    @Param({Systems.FAST, Systems.DEFAULT})
    public String model;

    private StanceClassifier classifier;
    private DocumentAnalyzer analyzer;
    private String text;

    @Setup(Level.Trial)
    public void load() {
        classifier = Parley.load(model);
        analyzer = new DocumentAnalyzer(classifier);
        text = Article.text();
    }

    @TearDown(Level.Trial)
    public void close() {
        classifier.close();
    }

    @Benchmark
    public DocumentAnalysis article() {
        return analyzer.analyze("ceasefire-article", text);
    }
}
