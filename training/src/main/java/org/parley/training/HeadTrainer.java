package org.parley.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.parley.core.Evaluation;
import org.parley.core.LabelSet;
import org.parley.encoder.TokenStates;
import org.parley.encoder.head.HeadKernel;
import org.parley.encoder.head.HeadSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a DL4J head on cached encoder outputs: seeded shuffling and initialisation, Adam, binary
 * cross-entropy, early stopping on development macro-F1 (with tuned thresholds), then per-label
 * thresholds tuned on the development split. Not thread-safe.
 */
public final class HeadTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(HeadTrainer.class);

    /** Training settings of a head. */
    public record Settings(long seed, double learningRate, double l2, int batchSize, int maxEpochs, int patience) {
        public Settings {
            if (!(learningRate > 0 && learningRate < 1)) {
                throw new IllegalArgumentException("learningRate must be in (0, 1), got " + learningRate);
            }
            if (!(l2 >= 0 && l2 < 1)) {
                throw new IllegalArgumentException("l2 must be in [0, 1), got " + l2);
            }
            if (batchSize < 1 || batchSize > 4096) {
                throw new IllegalArgumentException("batchSize must be in [1, 4096], got " + batchSize);
            }
            if (maxEpochs < 1 || maxEpochs > 1000 || patience < 1 || patience > maxEpochs) {
                throw new IllegalArgumentException("need 1 <= patience <= maxEpochs <= 1000, got patience " + patience + ", maxEpochs " + maxEpochs);
            }
        }

        public static Settings defaults() {
            return new Settings(42L, 1e-3, 1e-4, 32, 40, 5);
        }
    }

    /** A trained head: parameters, tuned thresholds, and its development evaluation. */
    public record Result(float[] params, double[] thresholds, Evaluation dev, int epochs) {
    }

    private HeadTrainer() {
    }

    public static Result train(HeadSpec spec, LabelSet labels, List<TokenStates> train, boolean[][] trainGold,
                               List<TokenStates> dev, boolean[][] devGold, Settings s) {
        Nd4j.getRandom().setSeed(s.seed());
        MultiLayerNetwork net = HeadNetworks.create(spec, s.seed(), s.learningRate(), s.l2());
        Random rnd = new Random(s.seed());
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            order.add(i);
        }
        float[] best = null;
        double bestF1 = -1;
        int bestEpoch = 0;
        for (int epoch = 1; epoch <= s.maxEpochs(); epoch++) {
            java.util.Collections.shuffle(order, rnd);
            for (int start = 0; start < order.size(); start += s.batchSize()) {
                List<TokenStates> xs = new ArrayList<>();
                float[][] y = new float[Math.min(s.batchSize(), order.size() - start)][labels.size()];
                for (int k = 0; k < y.length; k++) {
                    int i = order.get(start + k);
                    xs.add(train.get(i));
                    for (int l = 0; l < labels.size(); l++) {
                        y[k][l] = trainGold[i][l] ? 1f : 0f;
                    }
                }
                INDArray[] in = HeadNetworks.inputs(spec, xs);
                net.fit(new DataSet(in[0], Nd4j.create(y), in[1], null));
            }
            float[] params = HeadNetworks.parameters(net);
            double[][] scores;
            try (HeadKernel kernel = new HeadKernel(spec, params)) {
                scores = kernel.scores(dev);
            }
            double[] th = ThresholdTuner.tune(scores, devGold, labels.size());
            double f1 = FastTextTrainer.evaluate(labels, scores, devGold, th).macroF1();
            LOG.info("{} head epoch {}: dev macro-F1 {}", spec.type(), epoch, String.format("%.4f", f1));
            if (f1 > bestF1 + 1e-9) {
                bestF1 = f1;
                best = params;
                bestEpoch = epoch;
            } else if (epoch - bestEpoch >= s.patience()) {
                break;
            }
        }
        // dev scores from the same kernel the classifier uses, so recorded metrics reproduce exactly
        double[][] scores;
        try (HeadKernel kernel = new HeadKernel(spec, best)) {
            scores = kernel.scores(dev);
        }
        double[] th = ThresholdTuner.tune(scores, devGold, labels.size());
        return new Result(best, th, FastTextTrainer.evaluate(labels, scores, devGold, th), bestEpoch);
    }
}
