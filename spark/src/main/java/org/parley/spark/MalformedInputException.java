package org.parley.spark;

/**
 * A malformed input row or document (a missing text, an unparsable line, a repeated id), thrown on an
 * executor and reported by the driver as one line: where it is, and what is wrong.
 */
public class MalformedInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Marks the message inside Spark's wrapping, so the driver finds it even when the cause is lost. */
    static final String MARK = "[parley-input] ";

    public MalformedInputException(String message) {
        super(MARK + message);
    }

    /** The message without its marker. */
    public String reason() {
        String m = getMessage();
        return m.startsWith(MARK) ? m.substring(MARK.length()) : m;
    }

    /** The malformed-input message inside a failure from Spark (its cause chain or its text), or null. */
    public static String find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof MalformedInputException m) {
                return m.reason();
            }
        }
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String msg = c.getMessage();
            int at = msg == null ? -1 : msg.indexOf(MARK);
            if (at >= 0) {
                String rest = msg.substring(at + MARK.length());
                int nl = rest.indexOf('\n');
                return nl < 0 ? rest : rest.substring(0, nl);
            }
        }
        return null;
    }
}
