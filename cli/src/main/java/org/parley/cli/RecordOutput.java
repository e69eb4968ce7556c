package org.parley.cli;

import java.io.PrintWriter;

/**
 * Where a command's records go. Blocks are written whole (one document's records at a time) and each
 * write is checked, so a closed pipe or a full disk stops the run at the next block.
 */
interface RecordOutput extends AutoCloseable {

    /** Writes a block of records and fails if the output failed. */
    default void write(String block) {
        printWriter().write(block);
        check();
    }

    /** A print writer for record writers that print line by line; call {@link #check} after each batch. */
    PrintWriter printWriter();

    /** Flushes and fails if any write failed (quietly for a closed pipe). */
    default void check() {
        Sink.check(printWriter());
    }

    /** The run succeeded: make the output final. */
    void commit();

    @Override
    void close();

    /** Standard output (or the command's output writer in tests): nothing to commit or close. */
    static RecordOutput stdout(PrintWriter out) {
        return new RecordOutput() {
            @Override
            public PrintWriter printWriter() {
                return out;
            }

            @Override
            public void commit() {
                check();
            }

            @Override
            public void close() {
                out.flush();
            }
        };
    }
}
