package org.parley.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import org.parley.core.Explanation;
import org.parley.core.LabelSet;
import org.parley.core.ModelInfo;
import org.parley.core.Prediction;
import org.parley.core.StanceClassifier;
import org.parley.core.archive.ModelHeader;
import org.parley.core.text.TextNormalizer;

/**
 * What every classifier shares: its header (labels, thresholds, provenance), the input checks, the
 * empty-text rule (no labels, all scores 0), turning scores into predictions, and the closed state.
 * Subclasses supply the per-label probabilities. Thread-safe when {@link #scores} is.
 */
public abstract class ScoringClassifier implements StanceClassifier {

    private final ModelHeader header;
    private final double[] thresholds;
    private final AtomicBoolean closed = new AtomicBoolean();

    protected ScoringClassifier(ModelHeader header) {
        this.header = header;
        this.thresholds = header.thresholds();
    }

    /** Per-label probabilities of each sentence (no thresholds), in label-set order. */
    public abstract double[][] scores(List<String> sentences);

    @Override
    public final Prediction classify(String sentence) {
        Objects.requireNonNull(sentence, "sentence");
        return classifyAll(List.of(sentence)).get(0);
    }

    @Override
    public final List<Prediction> classifyAll(List<String> sentences) {
        Objects.requireNonNull(sentences, "sentences");
        for (String s : sentences) {
            Objects.requireNonNull(s, "sentences contains null");
        }
        ensureOpen();
        double[][] scores = scores(sentences);
        List<Prediction> out = new ArrayList<>(sentences.size());
        for (int i = 0; i < sentences.size(); i++) {
            out.add(prediction(sentences.get(i), scores[i]));
        }
        return out;
    }

    @Override
    public final List<Explanation> explainAll(List<String> sentences) {
        Objects.requireNonNull(sentences, "sentences");
        for (String s : sentences) {
            Objects.requireNonNull(s, "sentences contains null");
        }
        ensureOpen();
        return explanations(sentences);
    }

    /** The explanations of non-null sentences on an open classifier (see {@link StanceClassifier#explainAll}). */
    protected abstract List<Explanation> explanations(List<String> sentences);

    /** The prediction for {@code sentence} from its raw scores, with the empty-text rule of {@link #classifyAll}. */
    protected final Prediction prediction(String sentence, double[] scores) {
        double[] row = TextNormalizer.normalize(sentence).isEmpty() ? new double[thresholds.length] : scores;
        return Prediction.of(sentence, header.labels(), row, thresholds);
    }

    @Override
    public final LabelSet labels() {
        return header.labels();
    }

    @Override
    public final ModelInfo info() {
        return header.info();
    }

    @Override
    public final double threshold(int i) {
        return thresholds[i];
    }

    /** The header this model was built with. */
    public final ModelHeader header() {
        return header;
    }

    /** Marks the classifier closed; returns true the first time. */
    protected final boolean markClosed() {
        return closed.compareAndSet(false, true);
    }

    /** @throws IllegalStateException after {@link #close()} */
    protected final void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("This classifier has been closed; load the model again to classify");
        }
    }
}
