package org.parley.core;

import java.util.Objects;
import java.util.Optional;

/**
 * One sentence of an analysed document: its position, its labels and scores, and who says it when
 * the text names them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param index      0-based position of the sentence in the document
 * @param span       the sentence's offsets and text in the original document (bullet markers and
 *                   surrounding whitespace excluded)
 * @param prediction the classifier's labels and scores for the sentence
 * @param speaker    the text naming the speaker ("Kalin", "the ministry", "a diplomat who asked not
 *                   to be named"), with its offsets in the document — possibly in an earlier sentence
 *                   for pronouns and continued quotations; {@code null} when the text names none
 */
public record AnalyzedSentence(int index, TextSpan span, Prediction prediction, TextSpan speaker) {

    public AnalyzedSentence {
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(prediction, "prediction");
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, got " + index);
        }
    }

    /** The sentence text (as in the document). */
    public String text() {
        return span.text();
    }

    /** The speaker's span, if the text names one. */
    public Optional<TextSpan> speakerSpan() {
        return Optional.ofNullable(speaker);
    }

    /** The speaker's name as written, or an empty string. */
    public String speakerText() {
        return speaker == null ? "" : speaker.text();
    }
}
