package org.parley.core;

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
        if (!(l2 >= 0)) {
            throw new IllegalArgumentException("l2 must be non-negative, got " + l2);
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

    public TrainingConfig withMaxEpochs(int v) {
        return new TrainingConfig(modelName, seed, v, patience, batchSize, learningRate, embeddingDim, hidden, dropout, l2, buckets, wordNgrams, minCharN, maxCharN);
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
