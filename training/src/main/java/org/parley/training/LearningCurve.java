package org.parley.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;

import org.parley.core.Corpus;
import org.parley.core.CorpusSplit;
import org.parley.core.Evaluation;
import org.parley.core.LabeledSentence;
import org.parley.core.StanceClassifier;

/**
 * Trains models on growing, nested, seeded shares of a training split and scores each on the
 * development and test splits and on extra evaluation sets: whether more data still pays.
 * Not thread-safe; one run per thread.
 */
public final class LearningCurve {

    /** Which model kind a point trains. */
    public enum Kind {
        FAST, DEFAULT
    }

    /** One trained model of the curve and its scores (extra sets in the order given). */
    public record Point(Kind kind, double fraction, int trainSentences, Evaluation dev, Evaluation test, List<Evaluation> extra,
                        double trainSeconds) {
        public Point {
            extra = List.copyOf(extra);
        }
    }

    private final CorpusSplit split;
    private final List<Corpus> extra;
    private final long seed;
    private final Path cacheDir;
    private final int headPatience;

    /**
     * @param split    train, dev (early stopping, thresholds) and test
     * @param extra    further evaluation sets, scored only
     * @param seed     seed of the subset order and of training
     * @param cacheDir encoder-output cache for the default kind
     * @param headPatience early-stopping patience of the default kind's head (the shipped design uses 5)
     */
    public LearningCurve(CorpusSplit split, List<Corpus> extra, long seed, Path cacheDir, int headPatience) {
        this.split = Objects.requireNonNull(split, "split");
        this.extra = List.copyOf(extra);
        this.seed = seed;
        this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir");
        this.headPatience = headPatience;
    }

    /** Trains and scores one point per kind and fraction, handing each to {@code sink} as it is done. */
    public void run(List<Kind> kinds, List<Double> fractions, Consumer<Point> sink) {
        List<LabeledSentence> order = new ArrayList<>(split.train().sentences());
        Collections.shuffle(order, new Random(seed));
        for (Kind kind : kinds) {
            for (double f : fractions) {
                if (!(f > 0 && f <= 1)) {
                    throw new IllegalArgumentException("fractions must be in (0, 1], got " + f);
                }
                Corpus train = Corpus.of(order.subList(0, Math.max(1, (int) Math.round(order.size() * f))));
                long t0 = System.nanoTime();
                try (StanceClassifier clf = train(kind, train)) {
                    double secs = (System.nanoTime() - t0) / 1e9;
                    sink.accept(new Point(kind, f, train.size(), score(clf, split.dev()), score(clf, split.test()),
                            extra.stream().map(c -> score(clf, c)).toList(), secs));
                }
            }
        }
    }

    private StanceClassifier train(Kind kind, Corpus train) {
        TrainingConfig fast = TrainingConfig.defaults().withSeed(seed).withModelName("curve");
        if (kind == Kind.FAST) {
            return Trainer.trainFast(train, split.dev(), fast);
        }
        EncoderTrainingConfig cfg = EncoderTrainingConfig.defaults().withModelName("curve").withFast(fast).withCacheDir(cacheDir);
        HeadTrainer.Settings o = cfg.optimiser();
        cfg = cfg.withOptimiser(new HeadTrainer.Settings(seed, o.learningRate(), o.l2(), o.batchSize(), o.maxEpochs(), headPatience));
        return Trainer.trainEncoder(train, split.dev(), cfg);
    }

    private static Evaluation score(StanceClassifier clf, Corpus gold) {
        List<LabeledSentence> s = gold.sentences();
        return Evaluation.ofPredictions(clf.labels(), s, clf.classifyAll(s.stream().map(LabeledSentence::text).toList()));
    }
}
