package org.parley.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command that reads many inputs gives byte-identical output whatever the number of threads. */
class ThreadsTest {

    private static final Path ARTICLES = Path.of("../examples/articles/test");

    @TempDir
    Path dir;

    private byte[] runTo(String name, String... args) throws IOException {
        Path out = dir.resolve(name);
        List<String> all = new ArrayList<>(List.of(args));
        all.add(1, out.toString());
        all.add(1, "-o");
        StanceCliTest.Result r = StanceCliTest.run(all.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return Files.readAllBytes(out);
    }

    @Test
    void lineModeIsIdenticalOnOneAndThreeThreads() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int copy = 0; copy < 4; copy++) {
            for (Path f : Files.list(ARTICLES).filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                lines.addAll(Files.readAllLines(f));
            }
        }
        assertTrue(lines.size() > 3 * ClassifyCommand.BATCH, "enough lines for several batches: " + lines.size());
        Path in = dir.resolve("lines.txt");
        Files.write(in, lines);
        byte[] one = runTo("one.jsonl", "classify", "--model", "fast", "--format", "jsonl", "--threads", "1", in.toString());
        byte[] three = runTo("three.jsonl", "classify", "--model", "fast", "--format", "jsonl", "--threads", "3", in.toString());
        assertArrayEquals(one, three);
        assertEquals(lines.size(), new String(one, java.nio.charset.StandardCharsets.UTF_8).split("\n").length);
    }

    @Test
    void documentModeAndProfileAreIdenticalOnOneAndThreeThreads() throws IOException {
        for (String format : List.of("csv", "jsonl")) {
            byte[] one = runTo("d1." + format, "classify", "--document", "--model", "fast", "--format", format, "--threads", "1", ARTICLES.toString());
            byte[] three = runTo("d3." + format, "classify", "--document", "--model", "fast", "--format", format, "--threads", "3", ARTICLES.toString());
            assertArrayEquals(one, three, format);
        }
        byte[] one = runTo("p1.tsv", "profile", "--model", "fast", "--format", "tsv", "--threads", "1", ARTICLES.toString());
        byte[] three = runTo("p3.tsv", "profile", "--model", "fast", "--format", "tsv", "--threads", "3", ARTICLES.toString());
        assertArrayEquals(one, three);
    }

    @Test
    void threadCountIsBounded() {
        Path any = ARTICLES.resolve("a-05-cyprus-leaders-meeting.txt");
        StanceCliTest.Result r = StanceCliTest.run("classify", "--model", "fast", "--threads", "0", any.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--threads must be between 1 and 256"), r.err());
    }
}
