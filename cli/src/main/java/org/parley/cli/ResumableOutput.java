package org.parley.cli;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * The {@code -o NAME} output of {@code classify --document}, written so that an interruption loses at
 * most one document and {@code --resume} finishes it byte for byte as an uninterrupted run would.
 *
 * <ul>
 *   <li>Records go to the hidden {@code .NAME.parley-partial} next to NAME, one document at a time,
 *       each flushed to the operating system, so they survive SIGKILL. NAME itself appears only when the
 *       run succeeds, by an atomic rename.</li>
 *   <li>{@code .NAME.parley-run} ({@link RunRecord}) records the settings of the partial file and those
 *       of the finished NAME with its size and SHA-256; {@code .NAME.parley-lock} ({@link RunLock}) keeps
 *       a second run out.</li>
 *   <li>{@code --resume} continues a partial file of a run with the same {@link RunSettings}, after
 *       {@link PartialScan} has checked it and cut it before its last document; a finished NAME with the
 *       same settings and checksum is left as it is. Anything else is refused, untouched.</li>
 *   <li>A run without {@code --resume} starts over, replacing any partial file. A run that fails with an
 *       error deletes its partial file; one that is killed or interrupted (Ctrl-C, SIGTERM) keeps it for
 *       {@code --resume}.</li>
 * </ul>
 */
final class ResumableOutput implements RecordOutput {

    /** What a run over an output will do, decided under the lock before any work. */
    enum Plan { FRESH, CONTINUE, COMPLETE }

    private final Path target;
    private final Path partialFile;
    private final RunSettings settings;
    private final RunLock lock;
    private final RunRecord record;
    private final Plan plan;
    private FileOutputStream file;
    private MessageDigest digest;
    private Sink out;
    private Set<String> done = Set.of();
    private boolean fresh = true;
    private boolean committed;

    private ResumableOutput(Path target, RunSettings settings, RunLock lock, RunRecord record, Plan plan) {
        this.target = target;
        this.partialFile = OutputChecks.folderOf(target).resolve("." + target.getFileName() + ".parley-partial");
        this.settings = settings;
        this.lock = lock;
        this.record = record;
        this.plan = plan;
    }

    /**
     * Locks the output and decides what to do; refuses (with the lock released and every file untouched)
     * an output that {@code --resume} must not touch.
     */
    static ResumableOutput prepare(Path target, RunSettings settings, boolean resume) {
        RunLock lock = RunLock.acquire(target);
        try {
            RunRecord record = RunRecord.read(target);
            Plan plan = resume ? decide(target, settings, record) : Plan.FRESH;
            return new ResumableOutput(target, settings, lock, record, plan);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static Plan decide(Path target, RunSettings settings, RunRecord record) {
        Path partial = OutputChecks.folderOf(target).resolve("." + target.getFileName() + ".parley-partial");
        if (record.partial() != null && Files.isRegularFile(partial)) {
            String diff = settings.differenceFrom(record.partial());
            if (diff != null) {
                throw new CliException(target + ": cannot resume the interrupted run: " + diff
                        + "; run without --resume to start over");
            }
            return Plan.CONTINUE;
        }
        if (!Files.exists(target)) {
            return Plan.FRESH;
        }
        if (record.target() == null) {
            throw new CliException(target + ": not an output of stance classify --document (no record of it in "
                    + RunRecord.fileFor(target).getFileName() + "); refusing to resume it");
        }
        String diff = settings.differenceFrom(record.target());
        if (diff != null) {
            throw new CliException(target + ": cannot resume: " + diff + "; run without --resume to replace it");
        }
        try {
            if (Files.size(target) != record.targetSize() || !sha256(target).equals(record.targetSha256())) {
                throw new CliException(target + ": changed since stance wrote it; refusing to resume it");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": " + IoReason.of(e), e);
        }
        return Plan.COMPLETE;
    }

    /** Whether the output is already complete with these settings: nothing to do. */
    boolean complete() {
        return plan == Plan.COMPLETE;
    }

    /**
     * Opens the partial file: continued after its last complete document, or started afresh.
     *
     * @param table the record format, to check and cut a partial file
     */
    void open(SentenceTable table) {
        try {
            long keep = 0;
            if (plan == Plan.CONTINUE) {
                PartialScan.Result scan = PartialScan.scan(partialFile, table);
                done = scan.done();
                keep = scan.keep();
                try (FileChannel ch = FileChannel.open(partialFile, StandardOpenOption.WRITE)) {
                    ch.truncate(keep);
                }
            } else {
                Files.deleteIfExists(partialFile);
                record.startPartial(settings);
            }
            digest = MessageDigest.getInstance("SHA-256");
            if (keep > 0) {
                try (InputStream in = Files.newInputStream(partialFile)) {
                    byte[] buf = new byte[1 << 16];
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        digest.update(buf, 0, n);
                    }
                }
            }
            file = new FileOutputStream(partialFile.toFile(), true);
            out = new Sink(new DigestOutputStream(file, digest), target.toString(), false);
            fresh = keep == 0;
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": cannot write the partial output " + partialFile.getFileName() + ": "
                    + IoReason.of(e), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Documents already complete in a continued partial file. */
    Set<String> done() {
        return done;
    }

    /** Whether nothing has been written yet (so a header is due). */
    boolean fresh() {
        return fresh;
    }


    @Override
    public PrintWriter printWriter() {
        return out;
    }


    /** Syncs the partial file, renames it to the output and records the output's size and checksum. */
    @Override
    public void commit() {
        if (plan == Plan.COMPLETE) {
            committed = true;
            return;
        }
        check();
        try {
            file.getFD().sync();
            out.close();
            long size = Files.size(partialFile);
            try {
                Files.move(partialFile, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partialFile, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
            record.finished(settings, size, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException(target + ": cannot finish the output: " + IoReason.of(e), e);
        }
    }

    /** Releases the lock; after a failure (no commit) the partial file is deleted. */
    @Override
    public void close() {
        try {
            if (out != null) {
                out.close();
            }
            if (!committed && plan != Plan.COMPLETE && out != null) {
                try {
                    Files.deleteIfExists(partialFile);
                    record.dropPartial();
                } catch (IOException | UncheckedIOException e) {
                    // best effort: a later run replaces the partial file
                }
            }
        } finally {
            lock.close();
        }
    }

    private static String sha256(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                d.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
