package org.parley.core;

import java.util.Objects;

/**
 * A stretch of a document's text: character offsets ({@code start} inclusive, {@code end} exclusive,
 * in UTF-16 units of the original string, as {@link String#substring(int, int)} takes them) and the
 * text they cover.
 *
 * <p>Immutable and thread-safe.
 */
public record TextSpan(int start, int end, String text) {

    public TextSpan {
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start || end - start != text.length()) {
            throw new IllegalArgumentException("Invalid span [" + start + ", " + end + ") for text of length " + text.length());
        }
    }

    /** The span {@code [start, end)} of {@code document}. */
    public static TextSpan of(String document, int start, int end) {
        return new TextSpan(start, end, document.substring(start, end));
    }
}
