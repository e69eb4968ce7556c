package org.parley.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.archive.ModelArchive;

class ModelArchiveTest {

    @TempDir
    Path dir;

    private Path saved() {
        Path p = dir.resolve("model.zip");
        TestModels.random(1).save(p);
        return p;
    }

    private static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                m.put(e.getName(), z.getInputStream(e).readAllBytes());
            }
        }
        return m;
    }

    private Path rewrite(Path src, UnaryOperator<Map<String, byte[]>> change) throws IOException {
        Map<String, byte[]> m = change.apply(entries(src));
        Path out = dir.resolve("changed.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
            for (Map.Entry<String, byte[]> e : m.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out;
    }

    private static Map<String, byte[]> editManifest(Map<String, byte[]> m, UnaryOperator<String> edit) {
        m.put("manifest.json", edit.apply(new String(m.get("manifest.json"), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        return m;
    }

    private String refusal(Path p) {
        return assertThrows(ModelFormatException.class, () -> Parley.load(p)).getMessage();
    }

    @Test
    void roundTripKeepsEveryScore() {
        StanceClassifier original = TestModels.random(1);
        try (StanceClassifier loaded = Parley.load(saved())) {
            for (String s : new String[] {"The council condemned the attack.", "", "Talks resume Monday in Doha."}) {
                assertEquals(original.classify(s), loaded.classify(s));
            }
            assertEquals(original.info(), loaded.info());
        }
    }

    @Test
    void missingFile() {
        assertTrue(refusal(dir.resolve("nope.zip")).contains("nope.zip"));
    }

    @Test
    void truncatedArchive() throws IOException {
        byte[] all = Files.readAllBytes(saved());
        for (int keep : new int[] {0, 10, all.length / 3, all.length - 30}) {
            Path p = dir.resolve("trunc" + keep + ".zip");
            Files.write(p, java.util.Arrays.copyOf(all, keep));
            assertThrows(ModelFormatException.class, () -> Parley.load(p), "kept " + keep + " bytes");
        }
    }

    @Test
    void entryNameThatIsNotUtf8() throws IOException {
        // found by the archiveReader fuzz target: java.util.zip throws IllegalArgumentException on such names
        byte[] all = Files.readAllBytes(saved());
        byte[] name = "manifest.json".getBytes(StandardCharsets.US_ASCII);
        int at = -1;
        for (int i = 0; i + name.length <= all.length && at < 0; i++) {
            if (java.util.Arrays.equals(all, i, i + name.length, name, 0, name.length)) {
                at = i;
            }
        }
        assertTrue(at > 0, "the first local header names the manifest");
        all[at] = (byte) 0xC3; // a UTF-8 lead byte followed by ASCII: malformed
        Path p = dir.resolve("badname.zip");
        Files.write(p, all);
        assertTrue(refusal(p).contains("not valid UTF-8"), refusal(p));
    }

    @Test
    void notAZip() throws IOException {
        Path p = dir.resolve("text.zip");
        Files.writeString(p, "hello, I am not a model");
        assertThrows(ModelFormatException.class, () -> Parley.load(p));
    }

    @Test
    void wrongFormatVersion() throws IOException {
        Path p = rewrite(saved(), m -> editManifest(m, s -> s.replace("\"formatVersion\": 1", "\"formatVersion\": 99")));
        assertTrue(refusal(p).contains("format version 99"));
    }

    @Test
    void labelSetThatDoesNotMatchTheNetwork() throws IOException {
        Path p = rewrite(saved(), m -> editManifest(m, s -> s.replace("\"outputs\": 10", "\"outputs\": 9")));
        assertTrue(refusal(p).contains("outputs"));
    }

    @Test
    void tamperedNetworkConfiguration() throws IOException {
        Path p = rewrite(saved(), m -> editManifest(m, s -> s.replace("\"hidden\": 8", "\"hidden\": 9")));
        assertTrue(refusal(p).contains("parameters"));
        Path q = rewrite(saved(), m -> editManifest(m, s -> s.replace("\"hidden\": 8", "\"hidden\": -1")));
        assertTrue(refusal(q).contains("hidden"));
    }

    @Test
    void tamperedParameters() throws IOException {
        Path p = rewrite(saved(), m -> {
            m.get("params.bin")[100] ^= 1;
            return m;
        });
        assertTrue(refusal(p).contains("checksum"));
    }

    @Test
    void entriesThatEscapeTheFolder() throws IOException {
        for (String name : new String[] {"../evil.bin", "/etc/passwd", "sub/dir.bin", "..\\x.bin"}) {
            Path p = rewrite(saved(), m -> {
                m.put(name, new byte[] {1, 2, 3});
                return m;
            });
            assertTrue(refusal(p).contains("plain file names"), name);
        }
    }

    @Test
    void plantedSerializedObjectIsRejectedWithoutBeingRead() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
            o.writeObject(new java.util.HashMap<>(Map.of("gadget", "payload")));
        }
        // unlisted entry
        Path p = rewrite(saved(), m -> {
            m.put("preprocessor.bin", bytes.toByteArray());
            return m;
        });
        assertTrue(refusal(p).contains("preprocessor.bin"));
        // listed in the manifest with a valid checksum: still refused, as no model kind reads it
        Path q = rewrite(saved(), m -> {
            m.put("preprocessor.bin", bytes.toByteArray());
            return editManifest(m, s -> s.replace("\"entries\": {", "\"entries\": {\n    \"preprocessor.bin\": \""
                    + ModelArchive.sha256(bytes.toByteArray()) + "\","));
        });
        assertTrue(refusal(q).contains("preprocessor.bin"));
    }

    @Test
    void oversizedEntryIsRefused() throws IOException {
        Path p = dir.resolve("bomb.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            z.putNextEntry(new ZipEntry("manifest.json"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 3; i++) {
                z.write(zeros); // 3 MB of zeros compresses to a few KB; the manifest limit is 1 MB
            }
            z.closeEntry();
        }
        assertTrue(Files.size(p) < 100_000);
        assertTrue(refusal(p).contains("larger than allowed"));
    }

    /** A zip of small, valid-looking entries plus {@code bomb} megabytes of zeros in params.bin (a few hundred KB compressed). */
    private Path zipBomb(String file, int bombMiB) throws IOException {
        Path p = dir.resolve(file);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            z.putNextEntry(new ZipEntry("manifest.json"));
            z.write("{\"format\": \"parley-model\", \"formatVersion\": 1, \"entries\": {}}".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("params.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < bombMiB; i++) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        return p;
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void zipBombIsRefusedByItsDeclaredSizeBeforeDecompressing() throws IOException {
        Path p = zipBomb("bomb300.zip", 300);
        assertTrue(Files.size(p) < 2_000_000, "compressed: " + Files.size(p));
        long before = allocatedBytes();
        String msg = refusal(p);
        long allocated = allocatedBytes() - before;
        assertTrue(msg.contains("params.bin") && msg.contains("larger than allowed"), msg);
        assertTrue(allocated < 32L << 20, "buffered " + (allocated >> 20) + " MiB before refusing a 300 MiB entry");
    }

    @Test
    void zipBombThatUnderstatesItsSizeIsRefusedAtTheFirstByteBeyond() throws IOException {
        Path p = zipBomb("liar.zip", 300);
        byte[] all = Files.readAllBytes(p);
        // the central directory entry of params.bin: declare 1,000 bytes instead of 300 MiB
        byte[] name = "params.bin".getBytes(StandardCharsets.US_ASCII);
        int cd = -1;
        for (int i = all.length - 46; i >= 0 && cd < 0; i--) {
            if (all[i] == 0x50 && all[i + 1] == 0x4b && all[i + 2] == 0x01 && all[i + 3] == 0x02
                    && java.util.Arrays.equals(all, i + 46, i + 46 + name.length, name, 0, name.length)) {
                cd = i;
            }
        }
        assertTrue(cd > 0);
        all[cd + 24] = (byte) 0xE8;
        all[cd + 25] = 0x03;
        all[cd + 26] = 0;
        all[cd + 27] = 0;
        Files.write(p, all);
        long before = allocatedBytes();
        String msg = refusal(p);
        long allocated = allocatedBytes() - before;
        assertTrue(msg.contains("params.bin") && msg.contains("larger than allowed"), msg);
        assertTrue(allocated < 32L << 20, "buffered " + (allocated >> 20) + " MiB before refusing");
    }

    @Test
    void entriesTogetherLargerThanTheArchiveLimitAreRefused() throws IOException {
        Path p = dir.resolve("two.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            byte[] zeros = new byte[1 << 20];
            for (String n : new String[] {"a.bin", "b.bin"}) {
                z.putNextEntry(new ZipEntry(n));
                for (int i = 0; i < 150; i++) {
                    z.write(zeros);
                }
                z.closeEntry();
            }
        }
        long before = allocatedBytes();
        String msg = refusal(p);
        assertTrue(msg.contains("larger than allowed together"), msg);
        assertTrue(allocatedBytes() - before < 32L << 20);
    }

    @Test
    void duplicateEntries() throws IOException {
        Path p = dir.resolve("dup.zip");
        byte[] manifest = entries(saved()).get("manifest.json");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            z.setComment("dup");
            z.putNextEntry(new ZipEntry("manifest.json"));
            z.write(manifest);
            z.closeEntry();
            try {
                z.putNextEntry(new ZipEntry("manifest.json"));
            } catch (java.util.zip.ZipException e) {
                return; // the JDK refuses to write duplicates; nothing more to test
            }
        }
        assertThrows(ModelFormatException.class, () -> Parley.load(p));
    }

    @Test
    void notAParleyManifest() throws IOException {
        Path p = rewrite(saved(), m -> editManifest(m, s -> s.replace("parley-model", "other-model")));
        assertTrue(refusal(p).contains("not a Parley model"));
        Path q = rewrite(saved(), m -> editManifest(m, s -> "{not json"));
        assertTrue(refusal(q).contains("not valid JSON"));
    }

    @Test
    void failedSaveLeavesNoPartialFile() throws IOException {
        // the target is a non-empty folder, so the final rename must fail
        Path target = dir.resolve("occupied.zip");
        Files.createDirectory(target);
        Files.writeString(target.resolve("keep.txt"), "x");
        assertThrows(java.io.UncheckedIOException.class, () -> TestModels.random(2).save(target));
        assertTrue(Files.isDirectory(target));
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "temporary file left behind");
        }
    }

    @Test
    void saveReplacesAnExistingModelWhole() throws IOException {
        Path target = saved();
        TestModels.random(2).save(target);
        try (StanceClassifier loaded = Parley.load(target)) {
            assertEquals(TestModels.random(2).classify("A truce is needed."), loaded.classify("A truce is needed."));
        }
    }

    @Test
    void unknownModelName() {
        String msg = assertThrows(ModelFormatException.class, () -> Parley.load("no-such-model")).getMessage();
        assertTrue(msg.contains("parley-models"));
        assertThrows(IllegalArgumentException.class, () -> Parley.load("../etc"));
    }
}
