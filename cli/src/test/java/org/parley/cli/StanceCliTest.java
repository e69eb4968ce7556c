package org.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.parley.core.LabelSet;
import org.parley.core.json.BoundedJson;

/** The {@code stance} contract that scripts depend on. */
class StanceCliTest {

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
        List<String> lines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n", -1)).subList(0, out.split("\n", -1).length - 1);
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = StanceCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private Path input(String content) throws IOException {
        Path p = dir.resolve("in.txt");
        Files.writeString(p, content);
        return p;
    }

    @Test
    void jsonlHasOneRecordPerLineInOrderWithEveryScore() throws IOException {
        Path in = input("The EU condemned the strike on the hospital.\n\nTalks resume on Monday.\n   \n\"Quotes\"\tand tabs\n");
        Result r = run("classify", "--format", "jsonl", in.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.lines();
        assertEquals(5, lines.size());
        List<String> expectedTexts = List.of("The EU condemned the strike on the hospital.", "", "Talks resume on Monday.", "   ",
                "\"Quotes\"\tand tabs");
        for (int i = 0; i < lines.size(); i++) {
            JsonObject rec = BoundedJson.parseObject(lines.get(i));
            assertEquals(java.util.Set.of("text", "labels", "scores"), rec.keySet());
            assertEquals(expectedTexts.get(i), rec.get("text").getAsString());
            assertTrue(rec.get("labels").isJsonArray());
            JsonObject scores = rec.getAsJsonObject("scores");
            assertEquals(LabelSet.standard().size(), scores.size());
            for (String l : LabelSet.standard().names()) {
                double s = scores.get(l).getAsDouble();
                assertTrue(s >= 0 && s <= 1);
            }
            double previous = 2;
            for (JsonElement l : rec.getAsJsonArray("labels")) {
                double s = scores.get(l.getAsString()).getAsDouble();
                assertTrue(s <= previous, "labels best first");
                previous = s;
            }
        }
        assertEquals(0, BoundedJson.parseObject(lines.get(1)).getAsJsonArray("labels").size(), "a blank line yields no labels");
        assertTrue(BoundedJson.parseObject(lines.get(0)).get("labels").toString().contains("CONDEMNATION"));
    }

    @Test
    void tsvAndTextFormats() throws IOException {
        Path in = input("one sentence here\nsecond\ttabbed\n");
        Result tsv = run("classify", "-f", "tsv", in.toString());
        assertEquals(0, tsv.code());
        assertEquals(3, tsv.lines().size());
        assertEquals("text\tlabels\t" + String.join("\t", LabelSet.standard().names()), tsv.lines().get(0));
        for (String line : tsv.lines()) {
            assertEquals(12, line.split("\t", -1).length);
        }
        Result text = run("classify", in.toString());
        assertEquals(2, text.lines().size());
        assertTrue(text.lines().get(0).startsWith("["));
    }

    @Test
    void invalidUtf8AndHugeLinesStillGiveOneRecordEach() throws IOException {
        Path p = dir.resolve("bytes.txt");
        byte[] bad = {'o', 'k', '\n', (byte) 0xFF, (byte) 0xFE, 'x', '\n'};
        byte[] big = ("y".repeat(3_000_000) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bad.length + big.length];
        System.arraycopy(bad, 0, all, 0, bad.length);
        System.arraycopy(big, 0, all, bad.length, big.length);
        Files.write(p, all);
        Result r = run("classify", "-f", "jsonl", p.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(3, r.lines().size());
    }

    @Test
    void errorsAreOneLineWithExitCodeTwo() throws IOException {
        Result missing = run("classify", dir.resolve("nope.txt").toString());
        assertEquals(2, missing.code());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        assertTrue(missing.err().contains("nope.txt"));
        assertEquals("", missing.out());

        Result badModel = run("classify", "--model", dir.resolve("missing.zip").toString(), input("x\n").toString());
        assertEquals(2, badModel.code());
        assertEquals(1, badModel.err().strip().lines().count());

        Result unknownName = run("classify", "--model", "nosuchmodel", input("x\n").toString());
        assertEquals(2, unknownName.code());
        assertTrue(unknownName.err().contains("nosuchmodel"));

        Result badOption = run("classify", "--format", "xml");
        assertEquals(2, badOption.code());
        assertEquals(1, badOption.err().strip().lines().count(), badOption.err());

        Path gold = dir.resolve("gold.tsv");
        Files.writeString(gold, "text\tlabels\nfine\tCONDEMNATION\nbad\tNOT_A_LABEL\n");
        Result badGold = run("evaluate", gold.toString());
        assertEquals(2, badGold.code());
        assertTrue(badGold.err().contains("gold.tsv:3"), badGold.err());
        assertEquals(1, badGold.err().strip().lines().count());
    }

    @Test
    void evaluatePrintsPerLabelTable() throws IOException {
        Path gold = dir.resolve("gold.tsv");
        Files.writeString(gold, "id\ttext\tlabels\n1\tThe council condemned the attack.\tCONDEMNATION\n2\tThe talks were held in a hotel.\t\n");
        Result r = run("evaluate", gold.toString());
        assertEquals(0, r.code(), r.err());
        for (String l : LabelSet.standard().names()) {
            assertTrue(r.out().contains(l));
        }
        assertTrue(r.out().contains("macro-F1") && r.out().contains("micro-F1") && r.out().contains("exact match"));
    }

    @Test
    void trainWritesAModelThatClassifies() throws IOException {
        Path corpus = dir.resolve("own.tsv");
        StringBuilder sb = new StringBuilder("text\tlabels\n");
        String[] pos = {"we demand a fair wage now", "the union demands higher pay", "workers demand better wages today",
            "they demand a raise", "pay us fairly, the workers demand"};
        String[] neg = {"the factory opened at nine", "lunch was served in the canteen", "the shift ended late",
            "a new machine arrived", "the manager visited the site"};
        for (int i = 0; i < 12; i++) {
            sb.append(pos[i % 5]).append(" ").append(i).append("\tWAGE_DEMAND\n");
            sb.append(neg[i % 5]).append(" ").append(i).append("\t\n");
        }
        Files.writeString(corpus, sb.toString());
        Path model = dir.resolve("own.zip");
        Result r = run("train", "--corpus", corpus.toString(), "--out", model.toString(), "--seed", "3", "--epochs", "5");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(model) > 0);
        Result c = run("classify", "--model", model.toString(), "-f", "jsonl", input("the workers demand a fair wage\n").toString());
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().contains("\"WAGE_DEMAND\""));
    }

    @Test
    void helpExitsZero() {
        Result r = run("--help");
        assertEquals(0, r.code());
        for (String sub : List.of("classify", "evaluate", "train", "corpus")) {
            assertTrue(r.out().contains(sub));
            assertEquals(0, run(sub, "--help").code());
        }
        assertFalse(r.out().isEmpty());
    }
}
