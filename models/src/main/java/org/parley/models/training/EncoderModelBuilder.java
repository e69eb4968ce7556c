package org.parley.models.training;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parley.core.Corpus;
import org.parley.core.CorpusSplit;
import org.parley.core.LabelSet;
import org.parley.core.LabeledSentence;
import org.parley.core.ModelInfo;
import org.parley.core.archive.ModelArchive;
import org.parley.core.archive.ModelHeader;
import org.parley.core.training.FastTextTrainer;
import org.parley.models.encoder.EncoderClassifier;
import org.parley.models.encoder.EncoderId;
import org.parley.models.encoder.OnnxSentenceEncoder;
import org.parley.models.encoder.SentenceEncoder;
import org.parley.models.encoder.TokenStates;
import org.parley.models.head.HeadSpec;

/**
 * Trains encoder-head models on a corpus split: encodes the split once (cached), trains the head
 * with early stopping and thresholds on dev, and returns a ready classifier. Not thread-safe.
 */
public final class EncoderModelBuilder implements AutoCloseable {

    /** The design of the shipped default model. */
    public static final EncoderId DEFAULT_ENCODER = EncoderId.BGE_SMALL_EN_V15_Q;
    public static final String DEFAULT_HEAD = HeadSpec.CONV;

    private final CorpusSplit split;
    private final EncodingCache cache;
    private final LabelSet labels;

    public EncoderModelBuilder(CorpusSplit split, Path cacheDir) {
        this.split = split;
        this.cache = new EncodingCache(cacheDir);
        this.labels = split.train().labelSet();
    }

    /** The head shape used for a design. */
    public static HeadSpec spec(String headType, int dim, int labels) {
        return headType.equals(HeadSpec.CONV) ? new HeadSpec(HeadSpec.CONV, dim, 256, 3, labels, 0.3)
                : new HeadSpec(HeadSpec.POOLED, dim, 256, 1, labels, 0.3);
    }

    /** Trains one design; the returned classifier owns a fresh encoder session. */
    public EncoderClassifier build(EncoderId encoderId, String headType, String modelName, HeadTrainer.Settings settings) {
        SentenceEncoder encoder = new OnnxSentenceEncoder(encoderId, 0);
        List<TokenStates> train = cache.encode(encoder, texts(split.train()));
        List<TokenStates> dev = cache.encode(encoder, texts(split.dev()));
        HeadSpec spec = spec(headType, encoder.dimension(), labels.size());
        HeadTrainer.Result r = HeadTrainer.train(spec, labels, train, gold(split.train()), dev, gold(split.dev()), settings);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("macroF1", round(r.dev().macroF1()));
        metrics.put("microF1", round(r.dev().microF1()));
        metrics.put("exactMatch", round(r.dev().exactMatch()));
        metrics.put("epochs", (double) r.epochs());
        metrics.put("devSentences", (double) split.dev().size());
        ModelInfo info = new ModelInfo(modelName, EncoderClassifier.KIND, ModelArchive.FORMAT_VERSION, encoderId.id(),
                split.train().sha256(), settings.seed(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                split.train().size(), metrics);
        return new EncoderClassifier(encoder, spec, r.params(), new ModelHeader(labels, r.thresholds(), info));
    }

    private boolean[][] gold(Corpus c) {
        return c.sentences().stream().map(s -> FastTextTrainer.gold(s, labels)).toArray(boolean[][]::new);
    }

    private static List<String> texts(Corpus c) {
        return c.sentences().stream().map(LabeledSentence::text).toList();
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    @Override
    public void close() {
        // encoders belong to the classifiers built
    }
}
