package org.parley.training;

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
import org.parley.core.model.FastTextClassifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.parley.encoder.EncoderClassifier;
import org.parley.encoder.EncoderId;
import org.parley.encoder.OnnxSentenceEncoder;
import org.parley.encoder.SentenceEncoder;
import org.parley.encoder.TokenStates;
import org.parley.encoder.head.HeadSpec;

/**
 * Trains encoder-head models on a corpus split: encodes the split once (cached), trains the head
 * with early stopping and thresholds on dev, and returns a ready classifier. Not thread-safe.
 */
public final class EncoderModelBuilder {

    /** The design of the shipped default model. */
    public static final EncoderId DEFAULT_ENCODER = EncoderId.E5_SMALL_V2_Q;
    public static final HeadSpec.Type DEFAULT_HEAD = HeadSpec.Type.CONV;

    private static final Logger LOG = LoggerFactory.getLogger(EncoderModelBuilder.class);

    private final CorpusSplit split;
    private final EncodingCache cache;
    private final LabelSet labels;

    public EncoderModelBuilder(CorpusSplit split, Path cacheDir) {
        this.split = split;
        this.cache = new EncodingCache(cacheDir);
        this.labels = split.train().labelSet();
    }

    /** The head shape used for a design. */
    public static HeadSpec spec(HeadSpec.Type headType, int dim, int labels) {
        return headType == HeadSpec.Type.CONV ? new HeadSpec(headType, dim, 256, 3, labels, 0.3)
                : new HeadSpec(headType, dim, 256, 1, labels, 0.3);
    }

    /** Trains one design; the returned classifier owns a fresh encoder session. */
    public EncoderClassifier build(EncoderId encoderId, HeadSpec.Type headType, String modelName, HeadTrainer.Settings settings) {
        SentenceEncoder encoder = new OnnxSentenceEncoder(encoderId, 0);
        List<TokenStates> train = cache.encode(encoder, texts(split.train()));
        List<TokenStates> dev = cache.encode(encoder, texts(split.dev()));
        HeadSpec spec = spec(headType, encoder.dimension(), labels.size());
        HeadTrainer.Result r = HeadTrainer.train(spec, labels, train, gold(split.train()), dev, gold(split.dev()), settings);
        ModelInfo info = new ModelInfo(modelName, EncoderClassifier.KIND, ModelArchive.FORMAT_VERSION, encoderId.id(),
                split.train().sha256(), settings.seed(), Instant.now().truncatedTo(ChronoUnit.SECONDS),
                split.train().size(), new ModelInfo.DevMetrics(split.dev().size(), round(r.dev().macroF1()),
                        round(r.dev().microF1()), round(r.dev().exactMatch()), Map.of("epochs", (double) r.epochs())));
        return new EncoderClassifier(encoder, spec, r.params(), new ModelHeader(labels, r.thresholds(), info));
    }

    /**
     * Blends a trained head model with a fast model: picks the fast model's weight from 0, 0.1 … 0.9
     * by development macro-F1 (ties go to the smaller weight), re-tunes thresholds on the development
     * split for the blended scores, and records the new dev metrics. The result shares the head
     * model's encoder; close both (the encoder is released with the last).
     */
    public EncoderClassifier blend(EncoderClassifier headModel, FastTextClassifier fast, String modelName) {
        List<TokenStates> devStates = cache.encode(headModel.encoder(), texts(split.dev()));
        double[][] head = headModel.headScores(devStates);
        double[][] lex = split.dev().sentences().stream().map(s -> fast.scores(s.text())).toArray(double[][]::new);
        boolean[][] gold = gold(split.dev());
        double bestW = 0;
        double bestF1 = -1;
        for (int step = 0; step <= 9; step++) {
            double w = step / 10.0;
            double[][] mix = mix(head, lex, w);
            double f1 = FastTextTrainer.evaluate(labels, mix, gold, ThresholdTuner.tune(mix, gold, labels.size())).macroF1();
            LOG.info("blend weight {}: dev macro-F1 {}", w, String.format("%.4f", f1));
            if (f1 > bestF1 + 1e-9) {
                bestF1 = f1;
                bestW = w;
            }
        }
        double[][] mix = mix(head, lex, bestW);
        double[] th = ThresholdTuner.tune(mix, gold, labels.size());
        var ev = FastTextTrainer.evaluate(labels, mix, gold, th);
        ModelInfo old = headModel.info();
        Map<String, Double> details = new LinkedHashMap<>(old.dev().details());
        details.put("headMacroF1", old.dev().macroF1());
        details.put("lexicalWeight", bestW);
        ModelInfo info = new ModelInfo(modelName, old.kind(), old.formatVersion(), old.encoder(), old.corpusSha256(), old.seed(),
                old.createdAt(), old.trainSentences(), new ModelInfo.DevMetrics(old.dev().sentences(), round(ev.macroF1()),
                        round(ev.microF1()), round(ev.exactMatch()), details));
        return headModel.withBlend(fast, bestW, new ModelHeader(labels, th, info));
    }

    private static double[][] mix(double[][] a, double[][] b, double w) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new double[a[i].length];
            for (int k = 0; k < a[i].length; k++) {
                out[i][k] = (1 - w) * a[i][k] + w * b[i][k];
            }
        }
        return out;
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
}
