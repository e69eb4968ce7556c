package org.parley.core;

import java.util.List;
import java.util.Objects;

/**
 * A whole document analysed sentence by sentence, with its label profile.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id        the document's name (a file name, a row id); may be empty, never null
 * @param text      the document text as given
 * @param sentences its sentences in order, with offsets, labels, scores and speakers
 * @param profile   count and share of each label, and the strongest sentences per label
 */
public record DocumentAnalysis(String id, String text, List<AnalyzedSentence> sentences, DocumentProfile profile) {

    public DocumentAnalysis {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        sentences = List.copyOf(Objects.requireNonNull(sentences, "sentences"));
        Objects.requireNonNull(profile, "profile");
    }
}
