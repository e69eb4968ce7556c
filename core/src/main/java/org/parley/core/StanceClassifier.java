package org.parley.core;

import java.nio.file.Path;
import java.util.List;

/**
 * Tags sentences with stance and mediation labels.
 *
 * <p><b>Thread safety:</b> every implementation is safe for concurrent use by any number of threads;
 * share one instance across a service rather than loading one per thread. {@link #classifyAll} is
 * the fast path for throughput.
 *
 * <p><b>Input:</b> any string. Text is normalised (Unicode NFKC, control characters removed,
 * whitespace collapsed) and only its first {@value org.parley.core.text.TextNormalizer#MAX_CHARS}
 * characters are read; empty or whitespace-only text yields a prediction with no labels.
 * {@code null} is refused with a {@link NullPointerException}.
 *
 * <p><b>Input length:</b> models read a bounded prefix: the fast kind at most 400 tokens of the
 * normalised text, the encoder kind at most 128 encoder tokens (about 90 words).
 *
 * <p><b>Resources:</b> an encoder-tier classifier holds an ONNX Runtime session in native memory
 * (the fast kind holds only Java arrays); {@link #close()} releases it, after which
 * every method but {@link #labels()}, {@link #info()} and {@code close()} throws
 * {@link IllegalStateException}.
 */
public interface StanceClassifier extends AutoCloseable {

    /** Classifies one sentence. */
    Prediction classify(String sentence);

    /** Classifies many sentences at once; the result has one prediction per sentence, in order. */
    List<Prediction> classifyAll(List<String> sentences);

    /**
     * Explains one sentence: for every label, the spans of {@code sentence} that raised or lowered its
     * score, strongest first, with the prediction (equal to {@link #classify}). Costs more than
     * {@code classify}: microseconds more on the fast kind (an exact decomposition), on the encoder kind
     * about 10–25 times a classification (the sentence is re-scored with words and phrases deleted).
     * See {@link Explanation} for what the weights mean.
     */
    default Explanation explain(String sentence) {
        java.util.Objects.requireNonNull(sentence, "sentence");
        return explainAll(List.of(sentence)).get(0);
    }

    /** Explains many sentences at once (faster on the encoder kind); one explanation per sentence, in order. */
    List<Explanation> explainAll(List<String> sentences);

    /** The labels this model predicts, in output order. */
    LabelSet labels();

    /** The model's provenance. */
    ModelInfo info();

    /** The decision threshold of the label at output position {@code i}. */
    double threshold(int i);

    /**
     * Writes this model as one archive file. The file is written to a temporary file next to
     * {@code archive} and renamed into place, so a failure never leaves half a model behind.
     *
     * @throws java.io.UncheckedIOException if the file cannot be written
     */
    void save(Path archive);

    /** Releases native resources. Idempotent. */
    @Override
    void close();
}
