package org.parley.core.model;

import org.parley.core.features.FeatureSettings;

/**
 * Shape of a fast (fastText-style) network: hashed n-gram features embedded in
 * {@code embeddingDim} dimensions, averaged, one tanh hidden layer of {@code hidden} units, one
 * sigmoid output per label.
 */
public record FastTextSpec(FeatureSettings features, int embeddingDim, int hidden, int labels) {

    public FastTextSpec {
        if (embeddingDim < 2 || embeddingDim > 1024) {
            throw new IllegalArgumentException("embeddingDim must be in [2, 1024], got " + embeddingDim);
        }
        if (hidden < 1 || hidden > 4096) {
            throw new IllegalArgumentException("hidden must be in [1, 4096], got " + hidden);
        }
        if (labels < 1 || labels > 1000) {
            throw new IllegalArgumentException("labels must be in [1, 1000], got " + labels);
        }
        if ((long) features.buckets() * embeddingDim > 64L << 20) {
            throw new IllegalArgumentException("buckets x embeddingDim must stay under 64M parameters");
        }
    }

    /** Number of parameters in the model's parameter vector. */
    public int parameterCount() {
        return features.buckets() * embeddingDim + embeddingDim * hidden + hidden + hidden * labels + labels;
    }
}
