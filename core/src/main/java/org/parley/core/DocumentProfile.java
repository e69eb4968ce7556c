package org.parley.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * How much of a document carries each label: for every label of the model, the number and share of
 * sentences predicted with it and the strongest of those sentences.
 *
 * <p>Immutable and thread-safe.
 *
 * @param sentences the number of sentences in the document
 * @param labels    one entry per label of the model, in the model's label order
 */
public record DocumentProfile(int sentences, List<LabelProfile> labels) {

    /** How many sentences to keep as the strongest per label. */
    public static final int STRONGEST = 3;

    public DocumentProfile {
        labels = List.copyOf(Objects.requireNonNull(labels, "labels"));
    }

    /**
     * One label's share of the document.
     *
     * @param label     the label
     * @param count     sentences predicted with the label
     * @param share     {@code count / sentences} (0 for an empty document)
     * @param strongest up to {@link #STRONGEST} of those sentences, highest score first
     */
    public record LabelProfile(Label label, int count, double share, List<AnalyzedSentence> strongest) {
        public LabelProfile {
            Objects.requireNonNull(label, "label");
            strongest = List.copyOf(strongest);
        }
    }

    /** Builds the profile of a document's analysed sentences. */
    public static DocumentProfile of(LabelSet labelSet, List<AnalyzedSentence> sentences) {
        List<LabelProfile> out = new ArrayList<>();
        for (Label label : labelSet) {
            List<AnalyzedSentence> with = new ArrayList<>();
            for (AnalyzedSentence s : sentences) {
                if (s.prediction().labels().contains(label)) {
                    with.add(s);
                }
            }
            List<AnalyzedSentence> strongest = with.stream()
                    .sorted(Comparator.comparingDouble((AnalyzedSentence s) -> s.prediction().scores().get(label)).reversed()
                            .thenComparingInt(AnalyzedSentence::index))
                    .limit(STRONGEST).toList();
            out.add(new LabelProfile(label, with.size(), sentences.isEmpty() ? 0 : with.size() / (double) sentences.size(), strongest));
        }
        return new DocumentProfile(sentences.size(), out);
    }

    /** The entry of the label with this name. */
    public LabelProfile label(String name) {
        for (LabelProfile p : labels) {
            if (p.label().name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("The profile has no label '" + name + "'");
    }
}
