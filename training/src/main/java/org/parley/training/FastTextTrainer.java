package org.parley.training;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.parley.core.Corpus;
import org.parley.core.Evaluation;
import org.parley.core.LabelSet;
import org.parley.core.LabeledSentence;
import org.parley.core.ModelInfo;
import org.parley.core.archive.ModelArchive;
import org.parley.core.archive.ModelHeader;
import org.parley.core.features.FeatureSettings;
import org.parley.core.features.HashedFeaturizer;
import org.parley.core.model.FastTextClassifier;
import org.parley.core.model.FastTextKernel;
import org.parley.core.model.FastTextSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the fast model in DL4J (the parameters are then stored in Parley's own layout, which
 * {@link FastTextNetwork#parameters} produces): seeded shuffling and initialisation, Adam, binary cross-entropy,
 * early stopping on development macro-F1, then per-label thresholds tuned on the development split.
 * Not thread-safe; one trainer call per thread.
 */
public final class FastTextTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(FastTextTrainer.class);

    private FastTextTrainer() {
    }

    /**
     * @param train training sentences
     * @param dev   development sentences for early stopping and thresholds
     * @param labels the label set to learn; every label of the data must belong to it
     */
    public static FastTextClassifier train(Corpus train, Corpus dev, LabelSet labels, TrainingConfig cfg) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("The training corpus is empty");
        }
        if (dev.size() == 0) {
            throw new IllegalArgumentException("The development corpus is empty");
        }
        Nd4j.getRandom().setSeed(cfg.seed());
        FeatureSettings fs = new FeatureSettings(cfg.buckets(), cfg.wordNgrams(), cfg.minCharN(), cfg.maxCharN());
        FastTextSpec spec = new FastTextSpec(fs, cfg.embeddingDim(), cfg.hidden(), labels.size());
        HashedFeaturizer featurizer = new HashedFeaturizer(fs);

        List<int[]> trainIds = new ArrayList<>();
        List<float[]> trainY = new ArrayList<>();
        for (LabeledSentence s : train.sentences()) {
            int[] ids = featurizer.features(s.text());
            if (ids.length == 0) {
                continue;
            }
            trainIds.add(ids);
            trainY.add(target(s, labels));
        }
        int[][] devIds = dev.sentences().stream().map(s -> featurizer.features(s.text())).toArray(int[][]::new);
        boolean[][] devGold = dev.sentences().stream().map(s -> gold(s, labels)).toArray(boolean[][]::new);

        MultiLayerNetwork net = FastTextNetwork.create(spec, cfg.seed(), cfg.learningRate(), cfg.dropout(), cfg.l2());
        Random rnd = new Random(cfg.seed());
        int[] order = new int[trainIds.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        float[] bestParams = null;
        double bestF1 = -1;
        int bestEpoch = 0;
        for (int epoch = 1; epoch <= cfg.maxEpochs(); epoch++) {
            for (int[] batchIdx : lengthBucketedBatches(order, trainIds, cfg.batchSize(), rnd)) {
                int[][] ids = new int[batchIdx.length][];
                float[][] y = new float[batchIdx.length][];
                for (int i = 0; i < batchIdx.length; i++) {
                    ids[i] = trainIds.get(batchIdx[i]);
                    y[i] = trainY.get(batchIdx[i]);
                }
                INDArray[] xm = FastTextNetwork.batch(ids);
                net.fit(new DataSet(xm[0], Nd4j.create(y), xm[1], null));
            }
            float[] params = FastTextNetwork.parameters(net);
            double[][] scores = scores(new FastTextKernel(spec, params), devIds);
            double[] th = ThresholdTuner.tune(scores, devGold, labels.size());
            double f1 = evaluate(labels, scores, devGold, th).macroF1();
            LOG.info("epoch {}: dev macro-F1 {} (tuned thresholds)", epoch, String.format("%.4f", f1));
            if (f1 > bestF1 + 1e-9) {
                bestF1 = f1;
                bestParams = params;
                bestEpoch = epoch;
            } else if (epoch - bestEpoch >= cfg.patience()) {
                break;
            }
        }
        FastTextKernel kernel = new FastTextKernel(spec, bestParams);
        double[][] scores = scores(kernel, devIds);
        double[] thresholds = ThresholdTuner.tune(scores, devGold, labels.size());
        Evaluation ev = evaluate(labels, scores, devGold, thresholds);
        ModelInfo info = new ModelInfo(cfg.modelName(), FastTextClassifier.KIND, ModelArchive.FORMAT_VERSION, "",
                train.sha256(), cfg.seed(), Instant.now().truncatedTo(ChronoUnit.SECONDS), train.size(),
                new ModelInfo.DevMetrics(dev.size(), round(ev.macroF1()), round(ev.microF1()), round(ev.exactMatch()),
                        Map.of("epochs", (double) bestEpoch)));
        return new FastTextClassifier(spec, bestParams, new ModelHeader(labels, thresholds, info));
    }

    /** Metrics rounded to 6 decimals so the recorded values are stable across platforms. */
    static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    static double[][] scores(FastTextKernel kernel, int[][] ids) {
        double[][] out = new double[ids.length][];
        for (int i = 0; i < ids.length; i++) {
            out[i] = kernel.scores(ids[i]);
        }
        return out;
    }

    /** Evaluation of raw scores under thresholds. */
    public static Evaluation evaluate(LabelSet labels, double[][] scores, boolean[][] gold, double[] th) {
        List<java.util.Set<String>> g = new ArrayList<>();
        List<java.util.Set<String>> p = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            java.util.Set<String> gs = new java.util.HashSet<>();
            java.util.Set<String> ps = new java.util.HashSet<>();
            for (int k = 0; k < labels.size(); k++) {
                if (gold[i][k]) {
                    gs.add(labels.get(k).name());
                }
                if (scores[i][k] >= th[k]) {
                    ps.add(labels.get(k).name());
                }
            }
            g.add(gs);
            p.add(ps);
        }
        return Evaluation.of(labels, g, p);
    }

    static float[] target(LabeledSentence s, LabelSet labels) {
        float[] y = new float[labels.size()];
        for (String l : s.labels()) {
            int i = labels.indexOf(l);
            if (i < 0) {
                throw new IllegalArgumentException("Sentence '" + s.id() + "' has label '" + l + "' outside the label set " + labels.names());
            }
            y[i] = 1f;
        }
        return y;
    }

    public static boolean[] gold(LabeledSentence s, LabelSet labels) {
        boolean[] g = new boolean[labels.size()];
        for (String l : s.labels()) {
            int i = labels.indexOf(l);
            if (i >= 0) {
                g[i] = true;
            }
        }
        return g;
    }

    /**
     * Seeded batches of similar-length sentences: shuffle, sort windows of 20 batches by length, cut
     * into batches, shuffle the batch order. Padding (and so work) drops several-fold.
     */
    static List<int[]> lengthBucketedBatches(int[] order, List<int[]> ids, int batchSize, Random rnd) {
        shuffle(order, rnd);
        int window = batchSize * 20;
        List<int[]> batches = new ArrayList<>();
        for (int w = 0; w < order.length; w += window) {
            Integer[] chunk = new Integer[Math.min(window, order.length - w)];
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = order[w + i];
            }
            java.util.Arrays.sort(chunk, java.util.Comparator.comparingInt(i -> ids.get(i).length));
            for (int b = 0; b < chunk.length; b += batchSize) {
                int[] batch = new int[Math.min(batchSize, chunk.length - b)];
                for (int i = 0; i < batch.length; i++) {
                    batch[i] = chunk[b + i];
                }
                batches.add(batch);
            }
        }
        java.util.Collections.shuffle(batches, rnd);
        return batches;
    }

    private static void shuffle(int[] a, Random rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
