package org.parley.core;

import java.util.Objects;
import java.util.Set;

/**
 * One annotated sentence of a corpus or gold-standard file.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id       identifier, unique within its corpus (may be empty for gold files without ids)
 * @param text     the sentence
 * @param labels   names of the labels it carries (empty for none), in file order
 * @param conflict slug of the conflict or dispute it is about, or empty
 * @param style    register, e.g. {@code quote}, {@code headline}, {@code communique}, or empty
 * @param speaker  kind of speaker, e.g. {@code foreign-ministry}, or empty
 * @param note     free annotation note, or empty
 */
public record LabeledSentence(String id, String text, Set<String> labels, String conflict, String style,
                              String speaker, String note) {
    public LabeledSentence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        labels = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(Objects.requireNonNull(labels, "labels")));
        Objects.requireNonNull(conflict, "conflict");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(speaker, "speaker");
        Objects.requireNonNull(note, "note");
    }

    /** A sentence with labels and no metadata. */
    public static LabeledSentence of(String text, Set<String> labels) {
        return new LabeledSentence("", text, labels, "", "", "", "");
    }
}
