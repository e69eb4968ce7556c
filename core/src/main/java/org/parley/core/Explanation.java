package org.parley.core;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which words made each label of one sentence: for every label of the model, the spans of the input
 * that pushed its score up (positive weight) or down (negative weight), strongest first, with the
 * prediction they explain. What a weight measures depends on the model kind:
 * <ul>
 *   <li>fast model: the span's exact share of the label's log-odds (logit), relative to an empty
 *       input; the weights of a label sum to its logit minus the logit of the empty input;</li>
 *   <li>default (encoder) model: the drop of the label's probability when the span is deleted from
 *       the sentence (occlusion); a span is a word or a short phrase of 2–4 words.</li>
 * </ul>
 * The model card ("Explanations") gives both definitions and how faithful they are measured to be.
 *
 * <p>Immutable and thread-safe.
 *
 * @param prediction the prediction explained, equal to {@code classify(prediction.text())}
 * @param spans      every label of the model, in the model's label order, with its spans strongest
 *                   first (by absolute weight); spans of one label do not overlap (except words
 *                   made from one input character, such as "x½y" read as "x1⁄2y"); empty for text with
 *                   no words
 */
public record Explanation(Prediction prediction, Map<Label, List<Span>> spans) {

    public Explanation {
        Objects.requireNonNull(prediction, "prediction");
        Map<Label, List<Span>> copy = new LinkedHashMap<>();
        Objects.requireNonNull(spans, "spans").forEach((label, list) -> {
            List<Span> sorted = new java.util.ArrayList<>(list);
            sorted.sort(Comparator.comparingDouble((Span s) -> -Math.abs(s.weight())).thenComparingInt(Span::start));
            copy.put(Objects.requireNonNull(label, "label"), List.copyOf(sorted));
        });
        spans = Collections.unmodifiableMap(copy);
    }

    /**
     * The spans of the label with this name, strongest first.
     *
     * @throws IllegalArgumentException if the model has no such label
     */
    public List<Span> spans(String labelName) {
        for (Map.Entry<Label, List<Span>> e : spans.entrySet()) {
            if (e.getKey().name().equals(labelName)) {
                return e.getValue();
            }
        }
        throw new IllegalArgumentException("The model has no label '" + labelName + "'; its labels are " + spans.keySet());
    }

    /** The strongest span pushing this label up, if any span has a positive weight. */
    public Optional<Span> top(String labelName) {
        return spans(labelName).stream().filter(s -> s.weight() > 0).findFirst();
    }

    /**
     * One stretch of the input and how much it moved a label's score.
     *
     * @param start  first char, inclusive, in UTF-16 units of the original input (as
     *               {@link String#substring(int, int)} takes them)
     * @param end    last char, exclusive
     * @param text   {@code input.substring(start, end)}
     * @param weight signed contribution to the label (see {@link Explanation} for its unit)
     */
    public record Span(int start, int end, String text, double weight) {

        public Span {
            Objects.requireNonNull(text, "text");
            if (start < 0 || end < start || end - start != text.length()) {
                throw new IllegalArgumentException("Invalid span [" + start + ", " + end + ") for text of length " + text.length());
            }
            if (!Double.isFinite(weight)) {
                throw new IllegalArgumentException("weight must be finite, got " + weight);
            }
        }
    }
}
