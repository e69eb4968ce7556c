package org.parley.cli;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A print writer over a byte stream (standard output, or an output file) that remembers why a write
 * failed, so a command can stop at the next record: quietly when the reader closed the pipe
 * ({@link ClosedOutputException}), with one line naming the reason otherwise ({@link CliException}).
 * Not thread-safe.
 */
final class Sink extends PrintWriter {

    private final Recording stream;
    private final String name;

    /**
     * @param name what the stream is, for messages ("standard output" or a path)
     * @param autoFlush flush on every {@code println}, for output that people watch
     */
    Sink(OutputStream out, String name, boolean autoFlush) {
        this(new Recording(out), name, autoFlush);
    }

    private Sink(Recording stream, String name, boolean autoFlush) {
        super(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16), autoFlush);
        this.stream = stream;
        this.name = name;
    }

    /**
     * Flushes {@code out} and fails if any write to it failed: a closed pipe gives a
     * {@link ClosedOutputException}, any other failure a {@link CliException} naming the reason.
     */
    static void check(PrintWriter out) {
        if (!out.checkError()) {
            return;
        }
        if (out instanceof Sink s) {
            IOException e = s.stream.failure;
            if (e != null && isClosedPipe(e)) {
                throw new ClosedOutputException();
            }
            throw new CliException(s.name + ": cannot write" + (e == null ? "" : ": " + IoReason.of(e)));
        }
        throw new CliException("cannot write the output");
    }

    /** EPIPE: the reader of a pipe has gone (for example {@code | head}). */
    static boolean isClosedPipe(IOException e) {
        String m = e.getMessage();
        return m != null && m.contains("Broken pipe");
    }

    /** Passes bytes through and keeps the first failure. */
    private static final class Recording extends FilterOutputStream {
        IOException failure;

        Recording(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        private void remember(IOException e) {
            if (failure == null) {
                failure = e;
            }
        }
    }
}
