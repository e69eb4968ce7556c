package org.parley.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.json.BoundedJson;

import com.google.gson.JsonObject;

/** {@code classify --document -o FILE [--resume]}: interrupted runs, resuming, refusing, locking. */
class ResumeTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    /** Six documents; two share the file name report.txt in different folders. */
    private Path corpus() throws IOException {
        String[] names = {"a/report.txt", "b/one.txt", "c/report.txt", "c/two.txt", "d/three.txt", "d/e/four.txt"};
        for (int i = 0; i < names.length; i++) {
            write("corpus/" + names[i], "Sentence one of document " + i + ". The envoy urged a truce, said the minister " + i
                    + ".\n\nThe EU condemned the strike on the hospital in town " + i + ".");
        }
        return dir.resolve("corpus");
    }

    private static StanceCliTest.Result classify(Path out, String format, Path input, String... extra) {
        List<String> args = new ArrayList<>(List.of("classify", "--document", "-m", "fast", "-f", format, "-o", out.toString()));
        args.addAll(List.of(extra));
        args.add(input.toString());
        return StanceCliTest.run(args.toArray(String[]::new));
    }

    private static Path partialOf(Path out) {
        return out.resolveSibling("." + out.getFileName() + ".parley-partial");
    }

    private static Path recordOf(Path out) {
        return out.resolveSibling("." + out.getFileName() + ".parley-run");
    }

    /**
     * Puts {@code out} back in the state a run killed after writing {@code bytes} bytes leaves: the
     * target gone, the first bytes in the hidden partial file, and the run record describing the partial.
     */
    private static void interruptAt(Path out, byte[] complete, int bytes) throws IOException {
        Files.write(partialOf(out), Arrays.copyOf(complete, bytes));
        Files.delete(out);
        JsonObject record = BoundedJson.parseObject(Files.readString(recordOf(out)));
        JsonObject target = record.remove("target").getAsJsonObject();
        record.add("partial", target.get("settings"));
        Files.writeString(recordOf(out), record.toString());
    }

    @Test
    void resumeContinuesAPartialFileToExactlyTheUninterruptedOutput() throws IOException {
        Path corpus = corpus();
        // ids with a tab and a newline must survive every format for resume to recognise them
        Path table = write("rows.jsonl", "{\"id\": \"tab\\there\", \"text\": \"Kenya offered to mediate. Talks went on.\"}\n"
                + "{\"id\": \"line\\nbreak\", \"text\": \"The council condemned it. Aid arrived.\"}\n"
                + "{\"id\": \"back\\\\slash\", \"text\": \"A truce was agreed. It held.\"}\n");
        for (String format : List.of("csv", "tsv", "jsonl")) {
            for (Path input : List.of(corpus, table)) {
                Path out = dir.resolve("out-" + input.getFileName() + "." + format);
                StanceCliTest.Result full = classify(out, format, input);
                assertEquals(0, full.code(), full.err());
                byte[] complete = Files.readAllBytes(out);
                int lines = (int) new String(complete, StandardCharsets.UTF_8).lines().count();
                assertTrue(lines >= 6, format + ": " + lines);
                // cut inside the header, at a record boundary, inside a record, one byte short of the end
                int firstNewline = new String(complete, StandardCharsets.UTF_8).indexOf('\n') + 1;
                for (int cut : new int[] {0, 3, firstNewline, complete.length / 2, complete.length / 2 + 1, complete.length - 1}) {
                    interruptAt(out, complete, cut);
                    StanceCliTest.Result resumed = classify(out, format, input, "--resume");
                    assertEquals(0, resumed.code(), format + " cut at " + cut + ": " + resumed.err());
                    assertArrayEquals(complete, Files.readAllBytes(out), format + " " + input.getFileName() + " cut at " + cut);
                    assertFalse(Files.exists(partialOf(out)));
                }
            }
        }
    }

    @Test
    void resumingAFinishedOutputLeavesItAsItIs() throws IOException {
        Path corpus = corpus();
        Path out = dir.resolve("done.csv");
        assertEquals(0, classify(out, "csv", corpus).code());
        byte[] complete = Files.readAllBytes(out);
        StanceCliTest.Result again = classify(out, "csv", corpus, "--resume");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("already complete"), again.err());
        assertArrayEquals(complete, Files.readAllBytes(out));
    }

    @Test
    void resumeRefusesFilesItDidNotWriteAndOtherSettingsLeavingThemUntouched() throws IOException {
        Path corpus = corpus();
        Path foreign = write("foreign.csv", "name,value\nalpha,1\nbeta,2\n");
        assertRefusedUntouched(classify(foreign, "csv", corpus, "--resume"), foreign, "not an output of stance");

        Path ours = dir.resolve("ours.csv");
        assertEquals(0, classify(ours, "csv", corpus).code());
        assertRefusedUntouched(classify(ours, "jsonl", corpus, "--resume"), ours, "format csv");
        assertRefusedUntouched(classify(ours, "csv", corpus, "--resume", "--cameo"), ours, "cameo");
        write("corpus/new.txt", "A new document appeared.");
        assertRefusedUntouched(classify(ours, "csv", corpus, "--resume"), ours, "inputs");
        Files.delete(dir.resolve("corpus/new.txt"));
        Files.writeString(ours, "\"edited\"\n", StandardOpenOption.APPEND);
        assertRefusedUntouched(classify(ours, "csv", corpus, "--resume"), ours, "changed since");

        // an interrupted run's partial file with other settings is refused too, and kept
        Path part = dir.resolve("part.tsv");
        assertEquals(0, classify(part, "tsv", corpus).code());
        interruptAt(part, Files.readAllBytes(part), 200);
        byte[] partial = Files.readAllBytes(partialOf(part));
        StanceCliTest.Result other = classify(part, "tsv", corpus, "--resume", "--cameo");
        assertEquals(2, other.code());
        assertEquals(1, other.err().strip().lines().count(), other.err());
        assertArrayEquals(partial, Files.readAllBytes(partialOf(part)));

        // the input itself as the output
        Path input = write("in.csv", "id,text\n1,The council condemned the attack.\n");
        assertRefusedUntouched(classify(input, "csv", input, "--resume"), input, "also an input");
    }

    private static void assertRefusedUntouched(StanceCliTest.Result r, Path file, String why) throws IOException {
        byte[] before = Files.readAllBytes(file);
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(why), r.err());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void aSecondRunOnTheSameOutputIsLockedOut() throws IOException {
        Path corpus = corpus();
        Path out = dir.resolve("locked.jsonl");
        assertEquals(0, classify(out, "jsonl", corpus).code());
        byte[] complete = Files.readAllBytes(out);
        Path lockFile = out.resolveSibling("." + out.getFileName() + ".parley-lock");
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE); FileLock held = ch.lock()) {
            for (String[] extra : new String[][] {{"--resume"}, {}}) {
                StanceCliTest.Result r = classify(out, "jsonl", corpus, extra);
                assertEquals(2, r.code(), r.err());
                assertTrue(r.err().contains("another stance run"), r.err());
                assertEquals(1, r.err().strip().lines().count());
            }
        }
        assertArrayEquals(complete, Files.readAllBytes(out));
        assertEquals(0, classify(out, "jsonl", corpus, "--resume").code(), "the lock is released with the run");
    }

    @Test
    void aRunWithoutResumeReplacesAStalePartialFile() throws IOException {
        Path corpus = corpus();
        Path out = dir.resolve("fresh.csv");
        assertEquals(0, classify(out, "csv", corpus).code());
        byte[] complete = Files.readAllBytes(out);
        interruptAt(out, complete, complete.length / 3);
        Files.writeString(partialOf(out), "garbage that a fresh run must not keep\n", StandardOpenOption.APPEND);
        assertEquals(0, classify(out, "csv", corpus).code());
        assertArrayEquals(complete, Files.readAllBytes(out));
        assertFalse(Files.exists(partialOf(out)));
    }

    @Test
    void aFailedRunRemovesItsPartialFileAndKeepsTheOldOutput() throws IOException {
        Path out = dir.resolve("keep.csv");
        Path good = write("good.csv", "id,text\n1,The council condemned the attack.\n");
        assertEquals(0, classify(out, "csv", good).code());
        byte[] before = Files.readAllBytes(out);
        Path bad = write("bad.csv", "id,text\n1,fine\n2,too,many\n");
        StanceCliTest.Result r = classify(out, "csv", bad);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bad.csv:3"), r.err());
        assertArrayEquals(before, Files.readAllBytes(out));
        assertFalse(Files.exists(partialOf(out)));
        assertEquals(0, classify(out, "csv", good, "--resume").code(), "the old output is still recognised");
    }

    @Test
    void idsAreUniqueWithinARun() throws IOException {
        Path corpus = corpus();
        StanceCliTest.Result r = StanceCliTest.run("classify", "--document", "-m", "fast", "-f", "tsv", corpus.toString());
        assertEquals(0, r.code(), r.err());
        List<String> ids = r.lines().stream().skip(1).map(l -> l.substring(0, l.indexOf('\t'))).distinct().toList();
        assertEquals(List.of("a/report.txt", "b/one.txt", "c/report.txt", "c/two.txt", "d/e/four.txt", "d/three.txt"), ids);

        Path table = write("dup.csv", "id,text\n7,One.\n8,Two.\n7,Three.\n");
        StanceCliTest.Result dup = StanceCliTest.run("classify", "--document", "-m", "fast", table.toString());
        assertEquals(2, dup.code());
        assertTrue(dup.err().contains("dup.csv:4") && dup.err().contains("\"7\"") && dup.err().contains("unique"), dup.err());

        Path a = write("x/report.txt", "One.");
        Path b = write("y/report.txt", "Two.");
        StanceCliTest.Result same = StanceCliTest.run("classify", "--document", "-m", "fast", a.toString(), b.toString());
        assertEquals(2, same.code());
        assertTrue(same.err().contains("report.txt"), same.err());

        Path noIds = write("noid.csv", "text\nOne.\nTwo.\n");
        StanceCliTest.Result numbered = StanceCliTest.run("classify", "--document", "-m", "fast", "-f", "csv", noIds.toString());
        assertEquals(0, numbered.code(), numbered.err());
        assertTrue(numbered.out().contains("\nnoid.csv:2,") && numbered.out().contains("\nnoid.csv:3,"), numbered.out());
    }

    // --- real interruptions, in a separate JVM ---

    private Process start(Path out, Path input, boolean resume) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), "org.parley.cli.StanceCli",
                "classify", "--document", "-m", "fast", "-f", "csv", "-o", out.toString(), input.toString()));
        if (resume) {
            cmd.add("--resume");
        }
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("run.log").toFile()).start();
    }

    /** Waits until the partial file holds at least {@code bytes} bytes. */
    private static void awaitPartial(Path out, long bytes, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!(Files.exists(partialOf(out)) && Files.size(partialOf(out)) >= bytes)) {
            assertTrue(p.isAlive(), "the run ended before it could be interrupted");
            assertTrue(System.nanoTime() < deadline, "no progress");
            Thread.sleep(20);
        }
    }

    private Path bigCorpus() throws IOException {
        Path src = Path.of("../examples/articles");
        List<Path> articles;
        try (Stream<Path> s = Files.walk(src)) {
            articles = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        for (int copy = 0; copy < 8; copy++) {
            for (Path a : articles) {
                Path to = dir.resolve("big/copy" + copy + "/" + a.getFileName());
                Files.createDirectories(to.getParent());
                Files.copy(a, to);
            }
        }
        return dir.resolve("big");
    }

    @Test
    void aRunKilledThreeTimesAndResumedEndsByteIdenticalToAnUninterruptedRun() throws Exception {
        Path corpus = bigCorpus();
        Path expected = dir.resolve("expected.csv");
        assertEquals(0, classify(expected, "csv", corpus).code());
        long size = Files.size(expected);

        Path out = dir.resolve("killed.csv");
        long kept = 0;
        for (int kill = 1; kill <= 3; kill++) {
            Process p = start(out, corpus, kill > 1);
            awaitPartial(out, size * kill / 5, p);
            p.destroyForcibly().waitFor();
            assertFalse(Files.exists(out), "a killed run never leaves a partial target");
            long now = Files.size(partialOf(out));
            assertTrue(now > kept, "each resumed run kept the work before it: " + kept + " then " + now);
            kept = now;
        }
        Process last = start(out, corpus, true);
        assertTrue(last.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, last.exitValue(), Files.readString(dir.resolve("run.log")));
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(out));
        assertFalse(Files.exists(partialOf(out)));
    }

    @Test
    void sigtermKeepsAResumablePartialAndDeletesOtherTemporaryFiles() throws Exception {
        Path corpus = bigCorpus();
        Path out = dir.resolve("term.csv");
        Process p = start(out, corpus, false);
        awaitPartial(out, 20_000, p);
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertFalse(Files.exists(out));
        assertTrue(Files.size(partialOf(out)) >= 20_000, "the partial file stays for --resume");

        Path html = dir.resolve("report.html");
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.parley.cli.StanceCli", "profile", "-m", "fast", "-o", html.toString(),
                corpus.toString());
        Process profile = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("profile.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (temporaryFiles("report.html").isEmpty()) {
            assertTrue(profile.isAlive() && System.nanoTime() < deadline, Files.readString(dir.resolve("profile.log")));
            Thread.sleep(20);
        }
        Thread.sleep(500);
        profile.destroy();
        assertTrue(profile.waitFor(60, TimeUnit.SECONDS));
        assertEquals(List.of(), temporaryFiles("report.html"), "the shutdown hook deletes the temporary file");
        assertFalse(Files.exists(html));
    }

    private List<Path> temporaryFiles(String name) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("." + name) && p.getFileName().toString().endsWith(".part"))
                    .toList();
        }
    }
}
