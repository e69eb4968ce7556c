package org.parley.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * Where records go. Standard output; or a file written to a temporary sibling and renamed into place
 * only when the run succeeds, so a failed run never leaves a partial output file; or, with
 * {@code --resume}, an existing output file that is appended to: documents already in it are skipped,
 * and the last document in it (possibly cut off by the interruption) is removed and redone.
 */
final class OutputTarget implements AutoCloseable {

    private final Writer out;
    private final Path target;
    private final Path temp;
    private final Set<String> done;
    private final boolean fresh;
    private boolean committed;

    private OutputTarget(Writer out, Path target, Path temp, Set<String> done, boolean fresh) {
        this.out = out;
        this.target = target;
        this.temp = temp;
        this.done = done;
        this.fresh = fresh;
    }

    static OutputTarget stdout(PrintWriter stdout) {
        return new OutputTarget(stdout, null, null, Set.of(), true);
    }

    /** A file written atomically: to a temporary file, renamed into place by {@link #commit()}. */
    static OutputTarget file(Path target) {
        try {
            Path dir = target.toAbsolutePath().getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                throw new CliException(target + ": the folder does not exist");
            }
            Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
            Writer w = new OutputStreamWriter(Files.newOutputStream(temp), StandardCharsets.UTF_8);
            return new OutputTarget(w, target, temp, Set.of(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": cannot create the output: " + e.getMessage(), e);
        }
    }

    /**
     * Reopens an output file for appending after an interruption.
     *
     * @param docOf the document id of a record line, or null for lines that are not records (a header)
     */
    static OutputTarget resume(Path target, Function<String, String> docOf) {
        if (!Files.exists(target)) {
            return file(target);
        }
        try {
            Set<String> done = new HashSet<>();
            long keep = 0;          // bytes up to the end of the last complete line
            long lastDocStart = -1; // where the last document's records begin
            String lastDoc = null;
            boolean anyLine = false;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(target), 1 << 16)) {
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                long pos = 0;
                long lineStart = 0;
                int b;
                while ((b = in.read()) >= 0) {
                    pos++;
                    if (b != '\n') {
                        line.write(b);
                        continue;
                    }
                    String doc = docOf.apply(line.toString(StandardCharsets.UTF_8));
                    anyLine = true;
                    if (doc != null && !doc.equals(lastDoc)) {
                        if (lastDoc != null) {
                            done.add(lastDoc);
                        }
                        lastDoc = doc;
                        lastDocStart = lineStart;
                    }
                    keep = pos;
                    lineStart = pos;
                    line.reset();
                }
            }
            long cut = lastDocStart >= 0 ? lastDocStart : keep;
            try (FileChannel ch = FileChannel.open(target, StandardOpenOption.WRITE)) {
                ch.truncate(cut);
            }
            Writer w = new OutputStreamWriter(Files.newOutputStream(target, StandardOpenOption.APPEND), StandardCharsets.UTF_8);
            return new OutputTarget(w, target, null, done, cut == 0 || !anyLine);
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": cannot resume: " + e.getMessage(), e);
        }
    }

    /** A print writer over the target, for record writers that print line by line. */
    PrintWriter printWriter() {
        return out instanceof PrintWriter pw ? pw : new PrintWriter(out);
    }

    /** Documents already complete in a resumed output. */
    Set<String> done() {
        return done;
    }

    /** Whether nothing has been written yet (so a header is due). */
    boolean fresh() {
        return fresh;
    }

    /** Writes a block (one document's records) and flushes it, so an interruption loses at most that block. */
    void write(String block) {
        try {
            out.write(block);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the output: " + e.getMessage(), e);
        }
        if (out instanceof PrintWriter pw && pw.checkError()) {
            throw new CliException("could not write the output (closed pipe or full disk?)");
        }
    }

    /** Marks the run as successful: the temporary file replaces the target. */
    void commit() {
        try {
            out.flush();
            if (temp != null) {
                out.close();
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            committed = true;
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": cannot finish the output: " + e.getMessage(), e);
        }
    }

    /** Closes the file; a temporary file of a run that did not commit is deleted. */
    @Override
    public void close() {
        if (target == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            // closing after a failure: the temporary file is removed below
        }
        if (temp != null && !committed) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // best effort: the file is hidden and named .part
            }
        }
    }
}
