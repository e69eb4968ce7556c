package org.parley.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The labels of one sentence: the labels whose score reached their decision threshold, best first,
 * and an independent probability in [0, 1] for every label of the model (multi-label: the scores do
 * not sum to 1).
 *
 * <p>Immutable and thread-safe.
 *
 * @param text   the sentence as given to the classifier
 * @param labels the labels at or above their thresholds, highest score first
 * @param scores every label of the model with its probability, in the model's label order
 */
public record Prediction(String text, List<Label> labels, Map<Label, Double> scores) {

    public Prediction {
        Objects.requireNonNull(text, "text");
        labels = List.copyOf(Objects.requireNonNull(labels, "labels"));
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(scores, "scores")));
        for (Label l : labels) {
            if (!scores.containsKey(l)) {
                throw new IllegalArgumentException("Label " + l + " is predicted but has no score");
            }
        }
    }

    /**
     * Builds a prediction from raw scores in label-set order and per-label thresholds.
     *
     * @throws IllegalArgumentException if the arrays do not match the label set
     */
    public static Prediction of(String text, LabelSet labelSet, double[] scores, double[] thresholds) {
        if (scores.length != labelSet.size() || thresholds.length != labelSet.size()) {
            throw new IllegalArgumentException("Expected " + labelSet.size() + " scores and thresholds, got "
                    + scores.length + " and " + thresholds.length);
        }
        Map<Label, Double> map = new LinkedHashMap<>();
        List<Label> above = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            Label l = labelSet.get(i);
            map.put(l, scores[i]);
            if (scores[i] >= thresholds[i]) {
                above.add(l);
            }
        }
        above.sort(Comparator.comparingDouble((Label l) -> map.get(l)).reversed());
        return new Prediction(text, above, map);
    }

    /** The highest-scoring predicted label, if any label reached its threshold. */
    public Optional<Label> best() {
        return labels.isEmpty() ? Optional.empty() : Optional.of(labels.get(0));
    }

    /** Whether the label with this name was predicted. */
    public boolean has(String labelName) {
        return labels.stream().anyMatch(l -> l.name().equals(labelName));
    }

    /**
     * The probability of the label with this name.
     *
     * @throws IllegalArgumentException if the model has no such label
     */
    public double score(String labelName) {
        for (Map.Entry<Label, Double> e : scores.entrySet()) {
            if (e.getKey().name().equals(labelName)) {
                return e.getValue();
            }
        }
        throw new IllegalArgumentException("The model has no label '" + labelName + "'; its labels are " + scores.keySet());
    }

    /** The predicted label names, best first. */
    public List<String> labelNames() {
        return labels.stream().map(Label::name).toList();
    }
}
