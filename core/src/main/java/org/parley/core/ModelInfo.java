package org.parley.core;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Where a model came from: its name and kind, the encoder it needs (if any), the corpus it was
 * trained on (SHA-256 of the training data), the seed, when it was trained, and its metrics on the
 * development split recorded at training time.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name          the model's name, e.g. {@code fast}
 * @param kind          the network family, e.g. {@code fasttext} or {@code encoder-head}
 * @param formatVersion the archive format version the model was read from
 * @param encoder       the pretrained encoder the model needs, or the empty string for none
 * @param corpusSha256  SHA-256 (hex) of the training corpus, or the empty string when unknown
 * @param seed          the random seed training used
 * @param createdAt     when training finished
 * @param trainSentences number of training sentences
 * @param dev           metrics on the development split
 */
public record ModelInfo(String name, String kind, int formatVersion, String encoder, String corpusSha256,
                        long seed, Instant createdAt, int trainSentences, DevMetrics dev) {
    public ModelInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(corpusSha256, "corpusSha256");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(dev, "dev");
        if (trainSentences < 0) {
            throw new IllegalArgumentException("trainSentences must be non-negative, got " + trainSentences);
        }
    }

    /**
     * Scores on the development split at training time.
     *
     * @param sentences  development sentences
     * @param macroF1    macro-averaged F1 over labels
     * @param microF1    micro-averaged F1
     * @param exactMatch share of sentences whose label set was predicted exactly
     * @param details    model-specific figures (e.g. {@code epochs}, {@code lexicalWeight}, {@code headMacroF1})
     */
    public record DevMetrics(int sentences, double macroF1, double microF1, double exactMatch, Map<String, Double> details) {
        public DevMetrics {
            for (double v : new double[] {macroF1, microF1, exactMatch}) {
                if (!(v >= 0 && v <= 1)) {
                    throw new IllegalArgumentException("metrics must be in [0, 1], got " + v);
                }
            }
            details = Map.copyOf(Objects.requireNonNull(details, "details"));
        }

        /** Metrics of an evaluation on {@code sentences} development sentences, with extra details. */
        public static DevMetrics of(Evaluation e, int sentences, Map<String, Double> details) {
            return new DevMetrics(sentences, e.macroF1(), e.microF1(), e.exactMatch(), details);
        }

        /** A model-specific figure, or {@code NaN} when the model did not record it. */
        public double detail(String name) {
            return details.getOrDefault(name, Double.NaN);
        }
    }
}
