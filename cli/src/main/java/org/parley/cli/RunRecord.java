package org.parley.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.parley.core.json.BoundedJson;

/**
 * The hidden record {@code .NAME.parley-run} next to a {@code classify --document -o NAME} output: the
 * settings of the run that is writing the partial file, and the settings, size and SHA-256 of the
 * finished output. {@code --resume} continues only what this record describes. Written whole to a
 * temporary file and renamed, so it is never half-written; read with bounded JSON parsing. Callers
 * hold the output's {@link RunLock}.
 */
final class RunRecord {

    private static final String FORMAT = "parley-run";
    private static final int MAX_BYTES = 1 << 16;

    private final Path file;
    private RunSettings partial;
    private RunSettings target;
    private long targetSize = -1;
    private String targetSha256;

    private RunRecord(Path file) {
        this.file = file;
    }

    /** The record file of an output. */
    static Path fileFor(Path output) {
        return OutputChecks.folderOf(output).resolve("." + output.getFileName() + ".parley-run");
    }

    /** The record of an output; empty if there is none or it cannot be understood. */
    static RunRecord read(Path output) {
        RunRecord r = new RunRecord(fileFor(output));
        if (!Files.isRegularFile(r.file)) {
            return r;
        }
        try (InputStream in = Files.newInputStream(r.file)) {
            byte[] b = in.readNBytes(MAX_BYTES + 1);
            if (b.length > MAX_BYTES) {
                return r;
            }
            JsonObject o = BoundedJson.parseObject(new String(b, StandardCharsets.UTF_8));
            if (!o.has("format") || !FORMAT.equals(o.get("format").getAsString())) {
                return r;
            }
            r.partial = RunSettings.fromJson(o.get("partial"));
            JsonElement t = o.get("target");
            if (t != null && t.isJsonObject()) {
                JsonObject to = t.getAsJsonObject();
                r.target = RunSettings.fromJson(to.get("settings"));
                r.targetSize = to.get("size").getAsLong();
                r.targetSha256 = to.get("sha256").getAsString();
            }
        } catch (IOException | RuntimeException e) {
            // a damaged record describes nothing: --resume then refuses an existing output
            return new RunRecord(r.file);
        }
        return r;
    }

    /** Settings of the run whose partial file is on disk, or null. */
    RunSettings partial() {
        return partial;
    }

    /** Settings of the run that wrote the finished output, or null. */
    RunSettings target() {
        return target;
    }

    long targetSize() {
        return targetSize;
    }

    String targetSha256() {
        return targetSha256;
    }

    /** A run with these settings starts writing the partial file. */
    void startPartial(RunSettings settings) {
        partial = settings;
        save();
    }

    /** The partial file is gone (the run failed). */
    void dropPartial() {
        partial = null;
        save();
    }

    /** The partial file became the output, of this size and SHA-256. */
    void finished(RunSettings settings, long size, String sha256) {
        partial = null;
        target = settings;
        targetSize = size;
        targetSha256 = sha256;
        save();
    }

    private void save() {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("version", 1);
        o.addProperty("about", "written by the stance command for --resume; safe to delete when no run is going on");
        if (partial != null) {
            o.add("partial", partial.toJson());
        }
        if (target != null) {
            JsonObject t = new JsonObject();
            t.add("settings", target.toJson());
            t.addProperty("size", targetSize);
            t.addProperty("sha256", targetSha256);
            o.add("target", t);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o) + "\n");
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write the run record: " + IoReason.of(e), e);
        }
    }
}
