package org.parley.core;

/**
 * A model archive is missing, damaged, of an unsupported version, or inconsistent with itself.
 * The message names the archive and what is wrong, and how to fix it where that is known.
 */
public class ModelFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
