package org.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.DocumentAnalyzer;
import org.parley.core.json.BoundedJson;

import com.google.gson.JsonObject;

/** Hostile inputs: crafted models, huge JSON, byte-order marks, bad ids, names that look like models. */
class InputHardeningTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    private Path write(String name, String content) throws IOException {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertOneLineError(StanceCliTest.Result r, String... parts) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        for (String part : parts) {
            assertTrue(r.err().contains(part), r.err());
        }
    }

    @Test
    void aManifestNestedFourHundredThousandDeepIsOneLineError() throws IOException {
        String manifest = "{\"format\": \"parley-model\", \"formatVersion\": 1, \"kind\": \"fast\", \"buckets\": "
                + "[".repeat(400_000) + "]".repeat(400_000) + ", \"entries\": {}}";
        assertTrue(manifest.length() < 1 << 20);
        Path model = dir.resolve("deep.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(model))) {
            z.putNextEntry(new ZipEntry("manifest.json"));
            z.write(manifest.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        Path in = write("in.txt", "The council condemned the attack.\n");
        StanceCliTest.Result r = StanceCliTest.run("classify", "--model", model.toString(), in.toString());
        assertOneLineError(r, "deep.zip", "nested deeper than " + BoundedJson.MAX_DEPTH);
        assertTrue(r.err().length() < 400, r.err());
    }

    @Test
    void aJsonlDocumentLongerThanAMebibyteIsCutLikeACsvField() throws IOException {
        String text = "The council condemned the attack. ".repeat(45_000); // 1.5 million characters
        Path jsonl = write("big.jsonl", "{\"id\": \"big\", \"text\": \"" + text + "\"}\n");
        Path csv = write("big.csv", "id,text\nbig,\"" + text + "\"\n");
        StanceCliTest.Result j = StanceCliTest.run("classify", "--document", "-m", "fast", "-f", "tsv", jsonl.toString());
        StanceCliTest.Result c = StanceCliTest.run("classify", "--document", "-m", "fast", "-f", "tsv", csv.toString());
        assertEquals(0, j.code(), j.err());
        assertEquals(c.out(), j.out());
        String last = j.lines().get(j.lines().size() - 1);
        assertTrue(Integer.parseInt(last.split("\t")[3]) <= DocumentAnalyzer.MAX_CHARS);
    }

    @Test
    void aMillionDigitNumberIsRefusedQuickly() throws IOException {
        Path jsonl = write("num.jsonl", "{\"id\": \"n\", \"text\": \"Talks.\", \"weight\": " + "9".repeat(1_000_000) + "}\n");
        StanceCliTest.Result r = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> StanceCliTest.run("classify", "--document", "-m", "fast", jsonl.toString()));
        assertOneLineError(r, "num.jsonl:1", "$.weight");
        Path hundred = write("hundred.jsonl", "{\"id\": \"n\", \"text\": \"Talks.\", \"weight\": " + "9".repeat(100) + "}\n");
        assertOneLineError(StanceCliTest.run("classify", "--document", "-m", "fast", hundred.toString()), "hundred.jsonl:1",
                "number longer than " + BoundedJson.MAX_NUMBER_CHARS);
    }

    @Test
    void jsonlWithAByteOrderMarkIsReadAndIdsMustBeStringsOrNumbers() throws IOException {
        Path bom = write("bom.jsonl", "\uFEFF{\"id\": \"x\", \"text\": \"Kenya offered to mediate.\"}\n{\"id\": 12, \"text\": \"Talks.\"}\n");
        StanceCliTest.Result r = StanceCliTest.run("classify", "--document", "-m", "fast", "-f", "jsonl", bom.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("x", "12"), r.lines().stream().map(l -> BoundedJson.parseObject(l).get("doc").getAsString()).toList());

        for (String id : List.of("{\"a\": 1}", "[1, 2]", "true")) {
            Path bad = write("badid.jsonl", "{\"id\": \"ok\", \"text\": \"Fine.\"}\n{\"id\": " + id + ", \"text\": \"Talks.\"}\n");
            assertOneLineError(StanceCliTest.run("classify", "--document", "-m", "fast", bad.toString()), "badid.jsonl:2", "\"id\" field is");
        }
        Path missing = write("noid.jsonl", "{\"text\": \"Talks.\"}\n");
        StanceCliTest.Result n = StanceCliTest.run("classify", "--document", "-m", "fast", "-f", "jsonl", missing.toString());
        assertEquals(0, n.code(), n.err());
        JsonObject rec = BoundedJson.parseObject(n.lines().get(0));
        assertEquals("noid.jsonl:1", rec.get("doc").getAsString());
    }

    @Test
    void utf16InputIsRefusedWithAClearMessage() throws IOException {
        byte[] le = "\uFEFFThe council condemned the attack.\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] be = "\uFEFFThe council condemned the attack.\n".getBytes(StandardCharsets.UTF_16BE);
        Path a = write("le.txt", le);
        Path b = write("be.txt", be);
        assertOneLineError(StanceCliTest.run("classify", "-m", "fast", a.toString()), "le.txt", "UTF-16", "not UTF-8");
        assertOneLineError(StanceCliTest.run("classify", "--document", "-m", "fast", b.toString()), "be.txt", "UTF-16");
        Path csv = write("t.csv", "\uFEFFid,text\n1,Talks.\n".getBytes(StandardCharsets.UTF_16LE));
        assertOneLineError(StanceCliTest.run("classify", "--document", "-m", "fast", csv.toString()), "t.csv", "UTF-16");
        Path gold = write("gold.tsv", "\uFEFFtext\tlabels\nTalks.\t\n".getBytes(StandardCharsets.UTF_16LE));
        assertOneLineError(StanceCliTest.run("evaluate", "-m", "fast", gold.toString()), "gold.tsv", "UTF-16");
    }

    @Test
    void invalidUtf8InAGoldFileNamesItsLine() throws IOException {
        StringBuilder sb = new StringBuilder("text\tlabels\n");
        for (int i = 0; i < 3000; i++) {
            sb.append("The council condemned attack number ").append(i).append(".\tCONDEMNATION\n");
        }
        byte[] good = sb.toString().getBytes(StandardCharsets.UTF_8);
        byte[] tail = "bad \u00ff byte\t\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[good.length + tail.length];
        System.arraycopy(good, 0, all, 0, good.length);
        System.arraycopy(tail, 0, all, good.length, tail.length);
        Path gold = write("gold.tsv", all);
        assertOneLineError(StanceCliTest.run("evaluate", "-m", "fast", gold.toString()), "gold.tsv:3002:", "not valid UTF-8");
    }

    @Test
    void aFileNamedLikeAShippedModelDoesNotShadowIt() throws IOException {
        Path cwdFast = Path.of("fast").toAbsolutePath();
        assertFalse(Files.exists(cwdFast), "the test needs the working directory free of 'fast'");
        Path in = write("in.txt", "The council condemned the attack.\n");
        Files.createDirectory(cwdFast);
        try {
            StanceCliTest.Result r = StanceCliTest.run("classify", "-m", "fast", "-f", "jsonl", in.toString());
            assertEquals(0, r.code(), r.err());
            StanceCliTest.Result asPath = StanceCliTest.run("classify", "-m", "./fast", in.toString());
            assertEquals(2, asPath.code(), "./fast is the folder, not a model");
        } finally {
            Files.delete(cwdFast);
        }
        Path own = dir.resolve("mymodel");
        Files.writeString(own, "not a model");
        StanceCliTest.Result name = StanceCliTest.run("classify", "-m", "mymodel", in.toString());
        assertOneLineError(name);
    }
}
