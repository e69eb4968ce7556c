package org.parley.spark;

/** A usage or input error of {@code stance spark} found on the driver: printed as one line, exit code 2. */
final class JobException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    JobException(String message) {
        super(message);
    }
}
