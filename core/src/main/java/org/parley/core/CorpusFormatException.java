package org.parley.core;

/**
 * A corpus or gold-standard TSV file is malformed. The message names the file and the line.
 */
public class CorpusFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CorpusFormatException(String message) {
        super(message);
    }

    public CorpusFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
