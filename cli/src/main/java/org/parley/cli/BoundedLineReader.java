package org.parley.cli;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines ({@code \n}, {@code \r\n} or {@code \r}) keeping at most a fixed number of characters
 * of each ({@link #MAX_LINE_CHARS} unless told otherwise); the rest of a longer line is skipped, so
 * memory stays bounded whatever the input. Not thread-safe.
 */
final class BoundedLineReader {

    static final int MAX_LINE_CHARS = 1 << 20;

    private final Reader in;
    private final int max;
    private final char[] buf = new char[8192];
    private int pos;
    private int len;
    private boolean skipLf;
    private boolean cut;

    BoundedLineReader(Reader in) {
        this(in, MAX_LINE_CHARS);
    }

    BoundedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.max = maxChars;
    }

    /** Whether the line last returned was longer than the limit and has been cut. */
    boolean lastLineCut() {
        return cut;
    }

    /** The next line without its terminator, or null at end of input. */
    String readLine() throws IOException {
        StringBuilder sb = null;
        cut = false;
        while (true) {
            if (pos == len) {
                len = in.read(buf, 0, buf.length);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    return sb == null ? null : sb.toString();
                }
            }
            if (sb == null) {
                sb = new StringBuilder();
            }
            while (pos < len) {
                char c = buf[pos++];
                if (skipLf) {
                    skipLf = false;
                    if (c == '\n') {
                        continue;
                    }
                }
                if (c == '\n') {
                    return sb.toString();
                }
                if (c == '\r') {
                    skipLf = true;
                    return sb.toString();
                }
                if (sb.length() < max) {
                    sb.append(c);
                } else {
                    cut = true;
                }
            }
        }
    }
}
