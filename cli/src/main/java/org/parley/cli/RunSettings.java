package org.parley.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.parley.core.json.Safe;

/**
 * What determines the bytes of a {@code classify --document -o} output: format, CAMEO column, model,
 * id and text columns, and the inputs (every input file's absolute path, size and modification time,
 * as a SHA-256). Two runs with equal settings write the same file, so one may continue the other.
 */
final class RunSettings {

    private final Map<String, String> values;

    private RunSettings(Map<String, String> values) {
        this.values = values;
    }

    static RunSettings of(ClassifyCommand c, List<Path> inputFiles) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("command", "classify --document");
        v.put("format", c.format.name());
        v.put("cameo", String.valueOf(c.cameo));
        if (c.explain) { // only when set, so that runs started before --explain existed still resume
            v.put("explain", "true");
        }
        v.put("model", c.model.identity());
        v.put("idColumn", c.documentOptions.idColumn);
        v.put("textColumn", c.documentOptions.textColumn);
        v.put("inputFiles", String.valueOf(inputFiles.size()));
        v.put("inputs", fingerprint(inputFiles));
        return new RunSettings(v);
    }

    /** Settings read back from a run record; null if it holds none. */
    static RunSettings fromJson(JsonElement e) {
        if (e == null || !e.isJsonObject()) {
            return null;
        }
        Map<String, String> v = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> x : e.getAsJsonObject().entrySet()) {
            if (x.getValue().isJsonPrimitive()) {
                v.put(x.getKey(), x.getValue().getAsString());
            }
        }
        return new RunSettings(v);
    }

    JsonObject toJson() {
        JsonObject o = new JsonObject();
        values.forEach(o::addProperty);
        return o;
    }

    /**
     * What differs from {@code other} (the settings of the file on disk), in words; null if nothing.
     */
    String differenceFrom(RunSettings other) {
        if (!values.containsKey("explain") && other.values.containsKey("explain")) {
            return "it was written with --explain, this run asks for none";
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            String theirs = other.values.get(e.getKey());
            if (!Objects.equals(e.getValue(), theirs)) {
                return switch (e.getKey()) {
                    case "inputs", "inputFiles" -> "its inputs were added, removed or changed since";
                    case "command" -> "it was not written by classify --document";
                    default -> "it was written with " + e.getKey() + " " + Safe.cap(String.valueOf(theirs), 80)
                            + ", this run asks for " + Safe.cap(e.getValue(), 80);
                };
            }
        }
        return null;
    }

    private static String fingerprint(List<Path> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                String line = f.toAbsolutePath().normalize() + "\t" + a.size() + "\t" + a.lastModifiedTime().toMillis() + "\n";
                sha.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the inputs: " + IoReason.of(e), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
