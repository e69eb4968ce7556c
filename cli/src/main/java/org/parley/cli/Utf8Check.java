package org.parley.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Checks that a file is valid UTF-8 and names the line of the first invalid byte. */
final class Utf8Check {

    private Utf8Check() {
    }

    /**
     * @throws CliException {@code file:line: not valid UTF-8} at the first invalid byte, or if
     *         the file is UTF-16 or UTF-32
     */
    static void check(Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        in.limit(0);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long line = 1;
        try (InputStream s = Inputs.open(file)) {
            boolean eof = false;
            while (!eof) {
                int r = s.read(in.array(), in.limit(), in.capacity() - in.limit());
                if (r < 0) {
                    eof = true;
                } else {
                    in.limit(in.limit() + r);
                }
                int start = in.position();
                CoderResult res = decoder.decode(in, out, eof);
                line += newlines(in.array(), start, in.position());
                if (res.isError()) {
                    throw new CliException(file + ":" + line + ": not valid UTF-8");
                }
                out.clear();
                in.compact();
                in.limit(in.position());
                in.position(0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + IoReason.of(e), e);
        }
    }

    private static int newlines(byte[] b, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                n++;
            }
        }
        return n;
    }
}
