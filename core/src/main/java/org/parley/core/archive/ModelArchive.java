package org.parley.core.archive;

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
 * deserialised as a Java object. Sizes are checked twice against the limits: as the central directory
 * declares them, before anything is decompressed, and as the data streams, which must not exceed the
 * declared size by a single byte — so a zip bomb is refused without buffering more than the limits,
 * whether it declares its sizes honestly or lies about them. Writing goes to a temporary file that is renamed into place.
 * The format is specified in {@code docs/archive-format.md}. Thread-safe (stateless).
 */
public final class ModelArchive {

    public static final String FORMAT = "parley-model";
    public static final int FORMAT_VERSION = 1;
    public static final String MANIFEST = "manifest.json";

    static final int MAX_ENTRIES = 16;
    static final long MAX_ENTRY_BYTES = 256L << 20;
    /** The most all entries may hold together, uncompressed: the most a read ever buffers beyond the archive itself. */
    static final long MAX_TOTAL_BYTES = 256L << 20;
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
        Map<String, Long> declared = declaredSizes(archive, source);
        Map<String, byte[]> raw = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(archive))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                String name = e.getName();
                checkName(name, source);
                if (raw.containsKey(name)) {
                    throw new ModelFormatException(source + ": archive entry '" + name + "' appears twice");
                }
                Long size = declared.get(name);
                if (size == null) {
                    throw new ModelFormatException(source + ": archive entry '" + name + "' is missing from the zip central directory;"
                            + " the archive is damaged");
                }
                raw.put(name, readDeclared(zip, size, source, name));
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
        if (raw.size() != declared.size()) {
            throw new ModelFormatException(source + ": the zip central directory lists entries the archive does not hold; it is damaged");
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

    private static void checkName(String name, String source) {
        if (!ENTRY_NAME.matcher(name).matches()) {
            throw new ModelFormatException(source + ": refusing archive entry '" + Safe.cap(name, 80)
                    + "': entry names must be plain file names (no folders, no '..')");
        }
    }

    /**
     * The uncompressed size of every entry as the central directory declares it, checked against the
     * limits before anything is decompressed: at most {@value #MAX_ENTRIES} entries, the manifest at most
     * {@link #MAX_MANIFEST_BYTES}, any other entry {@link #MAX_ENTRY_BYTES}, all together
     * {@link #MAX_TOTAL_BYTES}. ZIP64 sizes (4 GiB and more) are refused.
     */
    private static Map<String, Long> declaredSizes(byte[] b, String source) {
        int end = endOfCentralDirectory(b);
        int count = u16(b, end + 10);
        long offset = u32(b, end + 16);
        if (count > MAX_ENTRIES) {
            throw new ModelFormatException(source + ": more than " + MAX_ENTRIES + " archive entries");
        }
        Map<String, Long> sizes = new LinkedHashMap<>();
        long total = 0;
        int at = (int) Math.min(offset, Integer.MAX_VALUE);
        for (int i = 0; i < count; i++) {
            if (at < 0 || at + 46 > end || u32(b, at) != 0x02014b50L) {
                throw new ModelFormatException(source + ": the zip central directory is damaged");
            }
            long size = u32(b, at + 24);
            int nameLength = u16(b, at + 28);
            int next = at + 46 + nameLength + u16(b, at + 30) + u16(b, at + 32);
            if (next > end) {
                throw new ModelFormatException(source + ": the zip central directory is damaged");
            }
            String name = new String(b, at + 46, nameLength, StandardCharsets.ISO_8859_1);
            checkName(name, source);
            if (sizes.containsKey(name)) {
                throw new ModelFormatException(source + ": archive entry '" + name + "' appears twice");
            }
            long limit = name.equals(MANIFEST) ? MAX_MANIFEST_BYTES : MAX_ENTRY_BYTES;
            if (size > limit) {
                throw new ModelFormatException(source + ": archive entry '" + name + "' is larger than allowed (" + limit
                        + " bytes; it declares " + size + "); refusing to read it");
            }
            total += size;
            if (total > MAX_TOTAL_BYTES) {
                throw new ModelFormatException(source + ": the archive entries are larger than allowed together (" + MAX_TOTAL_BYTES
                        + " bytes uncompressed); refusing to read them");
            }
            sizes.put(name, size);
            at = next;
        }
        return sizes;
    }

    /** Where the end-of-central-directory record starts; the caller checked that there is one. */
    private static int endOfCentralDirectory(byte[] b) {
        int min = Math.max(0, b.length - 22 - 0xFFFF);
        for (int i = b.length - 22; i >= min; i--) {
            if (b[i] == 0x50 && b[i + 1] == 0x4b && b[i + 2] == 0x05 && b[i + 3] == 0x06) {
                return i;
            }
        }
        throw new IllegalStateException("no end-of-central-directory record");
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static long u32(byte[] b, int at) {
        return (u16(b, at) | (long) u16(b, at + 2) << 16) & 0xffffffffL;
    }

    /**
     * Reads an entry of the declared size into an array of exactly that size; one byte more, or fewer,
     * and the archive is refused, so a lying size cannot make the read buffer more than it declared.
     */
    private static byte[] readDeclared(InputStream in, long declared, String source, String name) throws IOException {
        byte[] data = new byte[(int) declared];
        int n = in.readNBytes(data, 0, data.length);
        if (n < data.length) {
            throw new ModelFormatException(source + ": archive entry '" + name + "' is shorter than its declared " + declared
                    + " bytes; the archive is damaged");
        }
        if (in.read() >= 0) {
            throw new ModelFormatException(source + ": archive entry '" + name + "' is larger than allowed (its declared "
                    + declared + " bytes); refusing to read it");
        }
        return data;
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
