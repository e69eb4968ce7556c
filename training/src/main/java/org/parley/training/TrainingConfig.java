package org.parley.training;

/**
 * Hyperparameters for training the fast model. {@link #defaults()} are the settings the shipped
 * model uses; change one with the {@code withX} methods. Values are validated on construction.
 *
 * <p>Immutable and thread-safe.
 *
 * @param modelName    name recorded in the archive
 * @param seed         random seed for initialisation, shuffling and dropout
 * @param maxEpochs    upper bound on passes over the training data
 * @param patience     stop after this many epochs without a better development macro-F1
 * @param batchSize    sentences per gradient step
 * @param learningRate Adam learning rate
 * @param embeddingDim width of the n-gram embeddings
 * @param hidden       units of the hidden layer
 * @param dropout      dropout rate on the pooled embedding, in [0, 1)
 * @param l2           L2 weight decay of the dense layers
 * @param buckets      hash buckets for n-gram features
 * @param wordNgrams   longest word n-gram (1-3)
 * @param minCharN     shortest character n-gram (0 disables them)
 * @param maxCharN     longest character n-gram
 */
public record TrainingConfig(String modelName, long seed, int maxEpochs, int patience, int batchSize, double learningRate,
                             int embeddingDim, int hidden, double dropout, double l2, int buckets, int wordNgrams,
                             int minCharN, int maxCharN) {

    public TrainingConfig {
        java.util.Objects.requireNonNull(modelName, "modelName");
        if (!modelName.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("modelName must be 1-64 lower-case letters, digits, '.', '_' or '-', got '" + modelName + "'");
        }
        if (maxEpochs < 1 || maxEpochs > 1000) {
            throw new IllegalArgumentException("maxEpochs must be in [1, 1000], got " + maxEpochs);
        }
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be at least 1, got " + patience);
        }
        if (batchSize < 1 || batchSize > 4096) {
            throw new IllegalArgumentException("batchSize must be in [1, 4096], got " + batchSize);
        }
        if (!(learningRate > 0 && learningRate < 1)) {
            throw new IllegalArgumentException("learningRate must be in (0, 1), got " + learningRate);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (!(l2 >= 0 && l2 < 1)) {
            throw new IllegalArgumentException("l2 must be in [0, 1), got " + l2);
        }
        if (patience > maxEpochs) {
            throw new IllegalArgumentException("patience (" + patience + ") must not exceed maxEpochs (" + maxEpochs + ")");
        }
        if (embeddingDim < 2 || embeddingDim > 1024) {
            throw new IllegalArgumentException("embeddingDim must be in [2, 1024], got " + embeddingDim);
        }
        if (hidden < 1 || hidden > 4096) {
            throw new IllegalArgumentException("hidden must be in [1, 4096], got " + hidden);
        }
        new org.parley.core.features.FeatureSettings(buckets, wordNgrams, minCharN, maxCharN); // validates the featuriser fields
        if ((long) buckets * embeddingDim > 64L << 20) {
            throw new IllegalArgumentException("buckets x embeddingDim must stay under 64M parameters, got " + (long) buckets * embeddingDim);
        }
    }

    /** The settings of the shipped fast model. */
    public static TrainingConfig defaults() {
        return new TrainingConfig("fast", 42L, 30, 4, 32, 0.01, 64, 64, 0.25, 1e-5, 1 << 15, 2, 3, 5);
    }

    public TrainingConfig withModelName(String v) {
        return new TrainingConfig(v, seed, maxEpochs, patience, batchSize, learningRate, embeddingDim, hidden, dropout, l2, buckets, wordNgrams, minCharN, maxCharN);
    }

    public TrainingConfig withSeed(long v) {
        return new TrainingConfig(modelName, v, maxEpochs, patience, batchSize, learningRate, embeddingDim, hidden, dropout, l2, buckets, wordNgrams, minCharN, maxCharN);
    }

    /** Another epoch bound; patience is lowered to it when larger. */
    public TrainingConfig withMaxEpochs(int v) {
        return new TrainingConfig(modelName, seed, v, Math.min(patience, Math.max(v, 1)), batchSize, learningRate, embeddingDim, hidden, dropout, l2, buckets, wordNgrams, minCharN, maxCharN);
    }

    public TrainingConfig withBatchSize(int v) {
        return new TrainingConfig(modelName, seed, maxEpochs, patience, v, learningRate, embeddingDim, hidden, dropout, l2, buckets, wordNgrams, minCharN, maxCharN);
    }

    public TrainingConfig withLearningRate(double v) {
        return new TrainingConfig(modelName, seed, maxEpochs, patience, batchSize, v, embeddingDim, hidden, dropout, l2, buckets, wordNgrams, minCharN, maxCharN);
    }

    public TrainingConfig withEmbeddingDim(int v) {
        return new TrainingConfig(modelName, seed, maxEpochs, patience, batchSize, learningRate, v, hidden, dropout, l2, buckets, wordNgrams, minCharN, maxCharN);
    }

    public TrainingConfig withBuckets(int v) {
        return new TrainingConfig(modelName, seed, maxEpochs, patience, batchSize, learningRate, embeddingDim, hidden, dropout, l2, v, wordNgrams, minCharN, maxCharN);
    }

    public TrainingConfig withDropout(double v) {
        return new TrainingConfig(modelName, seed, maxEpochs, patience, batchSize, learningRate, embeddingDim, hidden, v, l2, buckets, wordNgrams, minCharN, maxCharN);
    }
}
