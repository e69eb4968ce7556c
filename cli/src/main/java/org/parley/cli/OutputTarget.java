package org.parley.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A file written to a hidden temporary sibling and renamed into
 * place only when the run succeeds, so a failed or interrupted run never leaves a partial output file.
 * The temporary file is created like any new file, so the output gets the permissions the umask gives;
 * it is deleted on failure, and on Ctrl-C or SIGTERM by a shutdown hook.
 */
final class OutputTarget implements RecordOutput {

    private final Sink out;
    private final Path target;
    private final Path temp;
    private final OutputStream file;
    private boolean committed;

    private OutputTarget(Sink out, Path target, Path temp, OutputStream file) {
        this.out = out;
        this.target = target;
        this.temp = temp;
        this.file = file;
    }

    /** A file written atomically: to a temporary file, renamed into place by {@link #commit()}. */
    static OutputTarget file(Path target) {
        Path dir = OutputChecks.folderOf(target);
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + target.getFileName() + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".part");
            try {
                OutputStream file = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                TempFiles.deleteOnShutdown(temp);
                return new OutputTarget(new Sink(file, target.toString(), false), target, temp, file);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 8) {
                    throw new UncheckedIOException(target + ": cannot create a temporary file in " + dir + ": " + IoReason.of(e), e);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(target + ": cannot create the output in " + dir + ": " + IoReason.of(e), e);
            }
        }
    }

    /** A print writer over the file; {@link #write} and {@link #check} report its failures. */
    @Override
    public PrintWriter printWriter() {
        return out;
    }



    /** Marks the run as successful: the temporary file replaces the target. */
    @Override
    public void commit() {
        check();
        out.close();
        try {
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
            TempFiles.release(temp);
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": cannot finish the output: " + IoReason.of(e), e);
        }
    }

    /** Closes the file; the temporary file of a run that did not commit is deleted. */
    @Override
    public void close() {
        out.close();
        try {
            file.close();
        } catch (IOException e) {
            // closing after a failure: the temporary file is removed below
        }
        if (!committed) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // best effort: the file is hidden and named .part
            }
            TempFiles.release(temp);
        }
    }
}
