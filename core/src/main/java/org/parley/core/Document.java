package org.parley.core;

import java.util.Objects;

/**
 * A document to analyse: its id (carried into the result) and its text. Immutable.
 *
 * @param id   the document's name, e.g. a file path relative to the corpus folder
 * @param text the document's text
 */
public record Document(String id, String text) {
    public Document {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }
}
