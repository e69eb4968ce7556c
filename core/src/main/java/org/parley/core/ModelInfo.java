package org.parley.core;

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
 * @param createdAt     ISO-8601 instant at which training finished
 * @param trainSentences number of training sentences
 * @param devMetrics    metrics on the development split, e.g. {@code macroF1}, {@code microF1}
 */
public record ModelInfo(String name, String kind, int formatVersion, String encoder, String corpusSha256,
                        long seed, String createdAt, int trainSentences, Map<String, Double> devMetrics) {
    public ModelInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(corpusSha256, "corpusSha256");
        Objects.requireNonNull(createdAt, "createdAt");
        devMetrics = Map.copyOf(Objects.requireNonNull(devMetrics, "devMetrics"));
    }
}
