package org.parley.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on an output, so two runs never write the same file at once: a
 * {@link FileChannel#tryLock() tryLock} on the hidden file {@code .NAME.parley-lock} next to it. The
 * operating system releases the lock when the process ends, however it ends; the empty lock file stays.
 */
final class RunLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of an output. */
    static Path fileFor(Path output) {
        return OutputChecks.folderOf(output).resolve("." + output.getFileName() + ".parley-lock");
    }

    /**
     * Takes the lock or fails at once.
     *
     * @throws CliException if another run holds it
     */
    static RunLock acquire(Path output) {
        Path file = fileFor(output);
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException(output + ": cannot create the lock file " + file.getFileName() + ": " + IoReason.of(e), e);
        }
        FileLock lock = null;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this process
        } catch (IOException e) {
            closeQuietly(ch);
            throw new UncheckedIOException(output + ": cannot lock " + file.getFileName() + ": " + IoReason.of(e), e);
        }
        if (lock == null) {
            closeQuietly(ch);
            throw new CliException(output + ": another stance run is writing this output (it holds " + file.getFileName()
                    + "); wait for it to finish or stop it");
        }
        return new RunLock(ch, lock);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // nothing held any more
        }
    }
}
