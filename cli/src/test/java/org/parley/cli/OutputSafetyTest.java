package org.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs never eat data: closed pipes, write errors, inputs as outputs, folders, permissions. */
class OutputSafetyTest {

    @TempDir
    Path dir;

    /** An endless stream of the same sentence, counting the bytes read. */
    private static final class Endless extends InputStream {
        final AtomicLong read = new AtomicLong();
        private final byte[] line = "We condemn the attack.\n".getBytes(StandardCharsets.UTF_8);

        @Override
        public int read() {
            return line[(int) (read.getAndIncrement() % line.length)];
        }

        @Override
        public int read(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) {
                b[off + i] = (byte) read();
            }
            return len;
        }
    }

    /** A stream that takes {@code limit} bytes, then fails every write with {@code message}. */
    private static OutputStream failingAfter(int limit, String message) {
        return new OutputStream() {
            int n;

            @Override
            public void write(int b) throws IOException {
                if (++n > limit) {
                    throw new IOException(message);
                }
            }
        };
    }

    private static int runOnEndlessInput(PrintWriter out, StringWriter err) {
        InputStream stdin = System.in;
        try {
            System.setIn(new Endless());
            return StanceCli.run(new String[] {"classify", "-m", "fast"}, out, new PrintWriter(err));
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void aClosedPipeStopsLineModeQuietly() {
        StringWriter err = new StringWriter();
        int code = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> runOnEndlessInput(new Sink(failingAfter(200, "Broken pipe"), "standard output", true), err));
        assertEquals(ClosedOutputException.EXIT_CODE, code);
        assertEquals("", err.toString(), "quiet");
    }

    @Test
    void aWriteErrorStopsLineModeWithOneLine() {
        StringWriter err = new StringWriter();
        int code = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> runOnEndlessInput(new Sink(failingAfter(5000, "No space left on device"), "standard output", true), err));
        assertEquals(2, code);
        assertTrue(err.toString().contains("No space left on device"), err.toString());
        assertEquals(1, err.toString().strip().lines().count());
    }

    @Test
    void aClosedPipeStopsADocumentRun() throws IOException {
        Path corpus = dir.resolve("c");
        Files.createDirectories(corpus);
        for (int i = 0; i < 300; i++) {
            Files.writeString(corpus.resolve("d" + i + ".txt"), "The council condemned the attack. Talks resume on Monday.");
        }
        StringWriter err = new StringWriter();
        int code = StanceCli.run(new String[] {"classify", "--document", "-m", "fast", "-f", "jsonl", corpus.toString()},
                new Sink(failingAfter(200, "Broken pipe"), "standard output", true), new PrintWriter(err));
        assertEquals(ClosedOutputException.EXIT_CODE, code);
        assertEquals("", err.toString());
    }

    @Test
    void anInputIsNeverTheOutput() throws IOException {
        Path in = dir.resolve("in.txt");
        Files.writeString(in, "The council condemned the attack.\n");
        byte[] before = Files.readAllBytes(in);
        for (String[] args : new String[][] {
            {"classify", "-m", "fast", "-o", in.toString(), in.toString()},
            {"classify", "-m", "fast", "-o", dir.resolve(".").resolve("in.txt").toString(), in.toString()},
            {"classify", "--document", "-m", "fast", "-f", "text", "-o", in.toString(), dir.toString()},
            {"profile", "-m", "fast", "-o", in.toString(), in.toString()},
            {"report", "-m", "fast", "-o", in.toString(), in.toString()}}) {
            StanceCliTest.Result r = StanceCliTest.run(args);
            assertEquals(2, r.code(), String.join(" ", args));
            assertTrue(r.err().contains("also an input"), r.err());
            assertEquals(before.length, Files.size(in));
        }
    }

    @Test
    void aFolderAsOutputIsRefusedBeforeAnyWork() throws IOException {
        Path in = dir.resolve("in.txt");
        Files.writeString(in, "The council condemned the attack.\n");
        // a model that does not exist: the output check must come first, so the error names the folder
        StanceCliTest.Result r = StanceCliTest.run("classify", "-m", "no-such-model", "-o", dir.toString(), in.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("is a folder"), r.err());
        StanceCliTest.Result d = StanceCliTest.run("classify", "--document", "-m", "no-such-model", "-f", "csv", "-o", dir.toString(),
                in.toString());
        assertTrue(d.err().contains("is a folder"), d.err());
        StanceCliTest.Result missing = StanceCliTest.run("classify", "-m", "no-such-model", "-o", dir.resolve("no/such/x.txt").toString(),
                in.toString());
        assertTrue(missing.err().contains("does not exist"), missing.err());
    }

    @Test
    void outputFilesGetTheUsualPermissions() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path in = dir.resolve("in.txt");
        Files.writeString(in, "The council condemned the attack.\n");
        Path normal = dir.resolve("normal");
        Files.newOutputStream(normal).close();
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(normal);
        Path lines = dir.resolve("lines.tsv");
        Path docs = dir.resolve("docs.csv");
        Path prof = dir.resolve("profile.txt");
        Path html = dir.resolve("report.html");
        assertEquals(0, StanceCliTest.run("classify", "-m", "fast", "-f", "tsv", "-o", lines.toString(), in.toString()).code());
        assertEquals(0, StanceCliTest.run("classify", "--document", "-m", "fast", "-f", "csv", "-o", docs.toString(), in.toString()).code());
        assertEquals(0, StanceCliTest.run("profile", "-m", "fast", "-o", prof.toString(), in.toString()).code());
        assertEquals(0, StanceCliTest.run("report", "-m", "fast", "-o", html.toString(), in.toString()).code());
        for (Path p : new Path[] {lines, docs, prof, html}) {
            assertEquals(PosixFilePermissions.toString(usual), PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
        }
    }

    @Test
    void aFolderThatCannotBeWrittenIsNamedWithTheReason() throws IOException {
        assertEquals("permission denied", IoReason.of(new AccessDeniedException("/x/.y.part")));
        assertEquals("No space left on device", IoReason.of(new java.nio.file.FileSystemException("/x", null, "No space left on device")));
        assumeTrue(!"root".equals(System.getProperty("user.name")), "root writes everywhere");
        Path ro = dir.resolve("ro");
        Files.createDirectories(ro);
        Path in = dir.resolve("in.txt");
        Files.writeString(in, "x\n");
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            StanceCliTest.Result r = StanceCliTest.run("classify", "-m", "fast", "-o", ro.resolve("out.txt").toString(), in.toString());
            assertEquals(2, r.code());
            assertTrue(r.err().contains("permission denied"), r.err());
            assertFalse(Files.exists(ro.resolve("out.txt")));
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
