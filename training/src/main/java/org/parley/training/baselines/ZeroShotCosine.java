package org.parley.training.baselines;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.parley.core.LabelSet;
import org.parley.training.ThresholdTuner;
import org.parley.encoder.SentenceEncoder;
import org.parley.encoder.TokenStates;

/**
 * The zero-shot baseline: cosine similarity between a sentence's embedding and the embedding of each
 * label's description (same encoder), with one threshold per label tuned on development data.
 * Immutable after {@link #tune}; thread-safe when the encoder is.
 */
public final class ZeroShotCosine {

    private final SentenceEncoder encoder;
    private final LabelSet labels;
    private final float[][] labelVectors;
    private double[] thresholds;

    public ZeroShotCosine(SentenceEncoder encoder, LabelSet labels) {
        this.encoder = encoder;
        this.labels = labels;
        List<String> descriptions = new ArrayList<>();
        labels.forEach(l -> descriptions.add(l.description().isEmpty() ? l.name().replace('_', ' ').toLowerCase() : l.description()));
        List<TokenStates> enc = encoder.encode(descriptions);
        labelVectors = enc.stream().map(TokenStates::pooled).toArray(float[][]::new);
    }

    /** Similarities mapped to [0, 1]: (cos + 1) / 2, per sentence and label. */
    public double[][] scores(List<TokenStates> sentences) {
        double[][] out = new double[sentences.size()][labels.size()];
        for (int i = 0; i < sentences.size(); i++) {
            float[] v = sentences.get(i).pooled();
            for (int k = 0; k < labels.size(); k++) {
                double dot = 0;
                for (int d = 0; d < v.length; d++) {
                    dot += v[d] * labelVectors[k][d];
                }
                out[i][k] = (dot + 1) / 2;
            }
        }
        return out;
    }

    /** Tunes one threshold per label on development data. */
    public void tune(List<TokenStates> dev, boolean[][] gold) {
        // similarities cluster tightly in (cos + 1) / 2, so search a fine grid over its upper half
        double[] th = ThresholdTuner.tune(scores(dev), gold, labels.size(), 0.5, 1.0, 0.0025);
        thresholds = th;
    }

    public List<Set<String>> labelsOf(List<TokenStates> sentences) {
        double[][] s = scores(sentences);
        List<Set<String>> out = new ArrayList<>();
        for (double[] row : s) {
            Set<String> set = new java.util.LinkedHashSet<>();
            for (int k = 0; k < row.length; k++) {
                if (row[k] >= thresholds[k]) {
                    set.add(labels.get(k).name());
                }
            }
            out.add(set);
        }
        return out;
    }

    public SentenceEncoder encoder() {
        return encoder;
    }
}
