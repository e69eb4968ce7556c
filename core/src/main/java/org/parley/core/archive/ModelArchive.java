package org.parley.core.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.parley.core.ModelFormatException;
import org.parley.core.json.BoundedJson;
import org.parley.core.json.Safe;

/**
 * Reads and writes Parley model archives: a zip holding {@code manifest.json} and a few binary
 * entries whose SHA-256 the manifest records. Reading is strict and bounded — entry names are plain
 * file names, sizes and counts are capped, every checksum must match, and nothing is ever
 * deserialised as a Java object. Writing goes to a temporary file that is renamed into place.
 * The format is specified in {@code docs/archive-format.md}. Thread-safe (stateless).
 */
public final class ModelArchive {

    public static final String FORMAT = "parley-model";
    public static final int FORMAT_VERSION = 1;
    public static final String MANIFEST = "manifest.json";

    static final int MAX_ENTRIES = 16;
    static final long MAX_ENTRY_BYTES = 256L << 20;
    static final long MAX_TOTAL_BYTES = 512L << 20;
    static final long MAX_MANIFEST_BYTES = 1L << 20;
    static final long MAX_ARCHIVE_BYTES = 256L << 20;
    private static final Pattern ENTRY_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private static final Gson JSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private ModelArchive() {
    }

    /** The parts of an archive: its manifest and its binary entries by name. */
    public record Contents(String source, JsonObject manifest, Map<String, byte[]> entries) {
        /** The entry with this name. */
        public byte[] entry(String name) {
            byte[] b = entries.get(name);
            if (b == null) {
                throw new ModelFormatException(source + ": the archive has no entry '" + name + "'");
            }
            return b;
        }
    }

    /** A new, empty manifest object. */
    public static JsonObject newManifest() {
        JsonObject m = new JsonObject();
        m.addProperty("format", FORMAT);
        m.addProperty("formatVersion", FORMAT_VERSION);
        return m;
    }

    /**
     * Writes an archive atomically: manifest (with entry checksums added) and entries.
     *
     * @throws UncheckedIOException if writing fails; the target is then untouched
     */
    public static void write(Path target, JsonObject manifest, Map<String, byte[]> entries) {
        JsonObject m = manifest.deepCopy();
        JsonObject sums = new JsonObject();
        m.add("entries", sums);
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            if (!ENTRY_NAME.matcher(e.getKey()).matches() || e.getKey().equals(MANIFEST)) {
                throw new IllegalArgumentException("Invalid archive entry name: " + e.getKey());
            }
            sums.addProperty(e.getKey(), sha256(e.getValue()));
        }
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException | IOException ignored) {
                // not a POSIX file system: keep the default permissions
            }
            try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(JSON.toJson(m).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write model archive " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the temporary file is hidden and never read as a model
                }
            }
        }
    }

    /** Reads and validates an archive file. */
    public static Contents read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelFormatException("No model archive at " + file + ": the file does not exist or is not a regular file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new ModelFormatException(file + ": cannot read the model archive: " + e.getMessage(), e);
        }
    }

    /**
     * Reads and validates an archive from a stream; {@code source} names it in error messages.
     *
     * @throws ModelFormatException if the archive is not a well-formed Parley model
     */
    public static Contents read(InputStream in, String source) {
        byte[] archive;
        try {
            archive = in.readNBytes((int) MAX_ARCHIVE_BYTES + 1);
        } catch (IOException ex) {
            throw new ModelFormatException(source + ": cannot read the model archive: " + ex.getMessage(), ex);
        }
        if (archive.length > MAX_ARCHIVE_BYTES) {
            throw new ModelFormatException(source + ": larger than " + MAX_ARCHIVE_BYTES + " bytes; not a Parley model");
        }
        if (!hasEndOfCentralDirectory(archive)) {
            throw new ModelFormatException(source + ": not a complete zip archive (the end-of-archive record is missing;"
                    + " the file is truncated or not a model)");
        }
        Map<String, byte[]> raw = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(archive))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String name = e.getName();
                if (!ENTRY_NAME.matcher(name).matches()) {
                    throw new ModelFormatException(source + ": refusing archive entry '" + Safe.cap(name, 80)
                            + "': entry names must be plain file names (no folders, no '..')");
                }
                if (raw.containsKey(name)) {
                    throw new ModelFormatException(source + ": archive entry '" + name + "' appears twice");
                }
                if (raw.size() >= MAX_ENTRIES) {
                    throw new ModelFormatException(source + ": more than " + MAX_ENTRIES + " archive entries");
                }
                long limit = name.equals(MANIFEST) ? MAX_MANIFEST_BYTES : Math.min(MAX_ENTRY_BYTES, MAX_TOTAL_BYTES - total);
                byte[] data = readBounded(zip, limit, source, name);
                total += data.length;
                raw.put(name, data);
            }
        } catch (ZipException ex) {
            throw new ModelFormatException(source + ": not a valid model archive (zip): " + ex.getMessage(), ex);
        } catch (java.io.EOFException ex) {
            throw new ModelFormatException(source + ": the model archive is truncated", ex);
        } catch (IOException ex) {
            throw new ModelFormatException(source + ": cannot read the model archive: " + ex.getMessage(), ex);
        } catch (IllegalArgumentException ex) {
            // java.util.zip reports an entry name or comment that is not valid UTF-8 this way (found by fuzzing)
            throw new ModelFormatException(source + ": not a valid model archive: an entry name is not valid UTF-8", ex);
        }
        if (raw.isEmpty()) {
            throw new ModelFormatException(source + ": not a model archive (no zip entries; is the file empty or truncated?)");
        }
        byte[] manifestBytes = raw.remove(MANIFEST);
        if (manifestBytes == null) {
            throw new ModelFormatException(source + ": the archive has no " + MANIFEST + "; it is not a Parley model");
        }
        JsonObject manifest = parseManifest(manifestBytes, source);
        checkEntries(manifest, raw, source);
        return new Contents(source, manifest, Map.copyOf(raw));
    }

    /** Whether the end-of-central-directory signature sits where a complete zip has it. */
    private static boolean hasEndOfCentralDirectory(byte[] b) {
        int min = Math.max(0, b.length - 22 - 0xFFFF);
        for (int i = b.length - 22; i >= min; i--) {
            if (b[i] == 0x50 && b[i + 1] == 0x4b && b[i + 2] == 0x05 && b[i + 3] == 0x06) {
                int commentLength = (b[i + 20] & 0xff) | (b[i + 21] & 0xff) << 8;
                return i + 22 + commentLength == b.length;
            }
        }
        return false;
    }

    private static JsonObject parseManifest(byte[] bytes, String source) {
        JsonObject m;
        try {
            m = BoundedJson.parseObject(new String(bytes, StandardCharsets.UTF_8));
        } catch (BoundedJson.InvalidJsonException e) {
            throw new ModelFormatException(source + ": " + MANIFEST + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!FORMAT.equals(ManifestFields.stringOrNull(m.get("format")))) {
            throw new ModelFormatException(source + ": " + MANIFEST + " does not declare \"format\": \"" + FORMAT + "\"; it is not a Parley model");
        }
        JsonElement v = m.get("formatVersion");
        Integer version = ManifestFields.intOrNull(v);
        if (version == null) {
            throw new ModelFormatException(source + ": " + MANIFEST + " has no integer formatVersion");
        }
        if (version != FORMAT_VERSION) {
            throw new ModelFormatException(source + ": model format version " + version + " is not supported; this Parley reads version "
                    + FORMAT_VERSION + " (retrain the model with this version, or use the Parley version that wrote it)");
        }
        return m;
    }

    private static void checkEntries(JsonObject manifest, Map<String, byte[]> raw, String source) {
        JsonElement table = manifest.get("entries");
        if (table == null || !table.isJsonObject()) {
            throw new ModelFormatException(source + ": " + MANIFEST + " has no \"entries\" checksum table");
        }
        JsonObject sums = table.getAsJsonObject();
        for (String name : sums.keySet()) {
            byte[] data = raw.get(name);
            if (data == null) {
                throw new ModelFormatException(source + ": the manifest lists entry '" + Safe.cap(name, 80) + "' but the archive lacks it (truncated?)");
            }
            if (!sha256(data).equals(ManifestFields.stringOrNull(sums.get(name)))) {
                throw new ModelFormatException(source + ": checksum mismatch for entry '" + name + "': the archive is damaged or was modified");
            }
        }
        for (String name : raw.keySet()) {
            if (!sums.has(name)) {
                throw new ModelFormatException(source + ": unexpected archive entry '" + name + "' not listed in the manifest");
            }
        }
    }

    private static byte[] readBounded(InputStream in, long limit, String source, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        long n = 0;
        int r;
        while ((r = in.read(buf)) > 0) {
            n += r;
            if (n > limit) {
                throw new ModelFormatException(source + ": archive entry '" + name + "' is larger than allowed (" + limit
                        + " bytes); refusing to read it");
            }
            out.write(buf, 0, r);
        }
        return out.toByteArray();
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
