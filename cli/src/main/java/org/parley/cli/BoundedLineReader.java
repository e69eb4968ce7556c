package org.parley.cli;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines ({@code \n}, {@code \r\n} or {@code \r}) keeping at most {@link #MAX_LINE_CHARS}
 * characters of each; the rest of a longer line is skipped, so memory stays bounded whatever the
 * input. Not thread-safe.
 */
final class BoundedLineReader {

    static final int MAX_LINE_CHARS = 1 << 20;

    private final Reader in;
    private final char[] buf = new char[8192];
    private int pos;
    private int len;
    private boolean skipLf;

    BoundedLineReader(Reader in) {
        this.in = in;
    }

    /** The next line without its terminator, or null at end of input. */
    String readLine() throws IOException {
        StringBuilder sb = null;
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
                if (sb.length() < MAX_LINE_CHARS) {
                    sb.append(c);
                }
            }
        }
    }
}
