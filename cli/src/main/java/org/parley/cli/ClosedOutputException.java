package org.parley.cli;

/** The reader of standard output went away (a closed pipe): the command stops quietly. */
final class ClosedOutputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The exit status of a filter stopped by a closed pipe (128 + SIGPIPE), as the shell reports it. */
    static final int EXIT_CODE = 141;

    ClosedOutputException() {
        super("the output pipe was closed", null, false, false);
    }
}
