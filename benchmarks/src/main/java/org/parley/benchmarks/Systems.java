package org.parley.benchmarks;

import java.nio.file.Path;
import java.util.List;

import org.parley.core.Corpus;
import org.parley.core.CorpusSplit;
import org.parley.core.LabelSet;
import org.parley.core.Parley;
import org.parley.core.StanceClassifier;
import org.parley.training.baselines.KeywordLexicon;
import org.parley.encoder.OnnxSentenceEncoder;
import org.parley.training.EncoderModelBuilder;

/**
 * The systems the suite compares, by name: the two shipped models, the OpenNLP maxent peer, the
 * keyword lexicon and the default model's encoder without its head. Also where the project is
 * ({@code -Dparley.root}, else the working directory) and how its corpus is split.
 */
public final class Systems {

    public static final String FAST = "fast";
    public static final String DEFAULT = "default";
    public static final String OPENNLP = "opennlp-maxent";
    public static final String LEXICON = "keyword-lexicon";
    public static final String ENCODER = "bare-encoder";

    /** Every system, in table order. */
    public static final List<String> ALL = List.of(FAST, DEFAULT, OPENNLP, LEXICON, ENCODER);

    private Systems() {
    }

    /** The project root: {@code -Dparley.root}, else the working directory. */
    public static Path root() {
        return Path.of(System.getProperty("parley.root", "")).toAbsolutePath().normalize();
    }

    /** The corpus's cross-conflict split. */
    public static CorpusSplit split(Path root) {
        Path dir = root.resolve("models/corpus");
        return CorpusSplit.byConflict(Corpus.read(dir, LabelSet.standard()), dir.resolve("splits.tsv"));
    }

    /**
     * Loads a system. The OpenNLP models come from the suite's cache (trained there first if the
     * cache is missing; {@link BenchmarkSuite} refreshes it when the corpus changes).
     */
    public static BenchSystem open(String name) {
        switch (name) {
            case FAST, DEFAULT -> {
                StanceClassifier clf = Parley.load(name);
                return system(BenchSystem.Worker.of(clf::classifyAll, clf::classify), clf);
            }
            case OPENNLP -> {
                Path dir = OpenNlpPeer.cacheDir(root());
                OpenNlpPeer peer = java.nio.file.Files.isDirectory(dir) ? OpenNlpPeer.load(dir)
                        : OpenNlpPeer.cached(split(root()).train(), LabelSet.standard(), dir);
                return new BenchSystem() {
                    @Override
                    public Worker newWorker() {
                        OpenNlpPeer.Categorizer c = peer.newCategorizer();
                        return Worker.of(c::labelsOf, c::labelsOf);
                    }

                    @Override
                    public void close() {
                    }
                };
            }
            case LEXICON -> {
                KeywordLexicon lexicon = new KeywordLexicon(LabelSet.standard());
                return system(BenchSystem.Worker.of(lexicon::labelsOf, lexicon::labelsOf), () -> { });
            }
            case ENCODER -> {
                OnnxSentenceEncoder encoder = new OnnxSentenceEncoder(EncoderModelBuilder.DEFAULT_ENCODER, 0);
                return system(BenchSystem.Worker.of(encoder::encode, s -> encoder.encode(List.of(s))), encoder);
            }
            default -> throw new IllegalArgumentException("Unknown system '" + name + "'; the systems are " + ALL);
        }
    }

    /** A thread-safe system: every thread shares {@code worker}. */
    private static BenchSystem system(BenchSystem.Worker worker, AutoCloseable resource) {
        return new BenchSystem() {
            @Override
            public Worker newWorker() {
                return worker;
            }

            @Override
            public void close() {
                try {
                    resource.close();
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot close: " + e.getMessage(), e);
                }
            }
        };
    }
}
