package org.parley.core.archive;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.parley.core.Label;
import org.parley.core.LabelSet;
import org.parley.core.ModelFormatException;
import org.parley.core.ModelInfo;

/**
 * The manifest fields every model kind shares: label set, per-label thresholds and provenance.
 * Immutable.
 */
public record ModelHeader(LabelSet labels, double[] thresholds, ModelInfo info) {

    private static final Set<String> NAMED_METRICS = Set.of("devSentences", "macroF1", "microF1", "exactMatch");

    public ModelHeader {
        if (thresholds.length != labels.size()) {
            throw new IllegalArgumentException(labels.size() + " labels but " + thresholds.length + " thresholds");
        }
        thresholds = thresholds.clone();
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** Writes these fields into {@code m}. */
    public void writeTo(JsonObject m) {
        m.addProperty("kind", info.kind());
        m.addProperty("name", info.name());
        m.addProperty("encoder", info.encoder());
        JsonArray ls = new JsonArray();
        for (Label l : labels) {
            JsonObject o = new JsonObject();
            o.addProperty("name", l.name());
            o.addProperty("description", l.description());
            ls.add(o);
        }
        m.add("labels", ls);
        JsonArray th = new JsonArray();
        for (double t : thresholds) {
            th.add(t);
        }
        m.add("thresholds", th);
        JsonObject p = new JsonObject();
        p.addProperty("corpusSha256", info.corpusSha256());
        p.addProperty("seed", info.seed());
        p.addProperty("createdAt", info.createdAt().toString());
        p.addProperty("trainSentences", info.trainSentences());
        Map<String, Double> metrics = new LinkedHashMap<>(info.dev().details());
        metrics.put("devSentences", (double) info.dev().sentences());
        metrics.put("macroF1", info.dev().macroF1());
        metrics.put("microF1", info.dev().microF1());
        metrics.put("exactMatch", info.dev().exactMatch());
        JsonObject dm = new JsonObject();
        metrics.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> dm.addProperty(e.getKey(), e.getValue()));
        p.add("devMetrics", dm);
        m.add("provenance", p);
    }

    /** Reads and validates these fields from a manifest. */
    public static ModelHeader readFrom(JsonObject m, String source) {
        ManifestFields f = new ManifestFields(m, source);
        JsonArray ls = f.array("labels", 1, 1000);
        List<Label> labels = new ArrayList<>();
        for (JsonElement l : ls) {
            ManifestFields lf = ManifestFields.of(l, source + " (labels)");
            try {
                labels.add(new Label(lf.text("name"), lf.textOr("description", "")));
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(source + ": " + e.getMessage(), e);
            }
        }
        LabelSet set;
        try {
            set = LabelSet.of(labels);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(source + ": " + e.getMessage(), e);
        }
        JsonElement th = f.raw("thresholds");
        if (!th.isJsonArray() || th.getAsJsonArray().size() != set.size()) {
            throw new ModelFormatException(source + ": the manifest has " + set.size() + " labels but "
                    + (th.isJsonArray() ? th.getAsJsonArray().size() : 0) + " thresholds; they must match one to one");
        }
        double[] thresholds = new double[set.size()];
        for (int i = 0; i < thresholds.length; i++) {
            Double t = ManifestFields.doubleOrNull(th.getAsJsonArray().get(i));
            if (t == null || !(t >= 0 && t <= 1)) {
                throw new ModelFormatException(source + ": threshold " + i + " must be a number in [0, 1]");
            }
            thresholds[i] = t;
        }
        ManifestFields p = f.object("provenance");
        ManifestFields dm = p.object("devMetrics");
        Map<String, Double> details = new LinkedHashMap<>();
        JsonObject metrics = p.raw("devMetrics").getAsJsonObject();
        if (metrics.size() > 64) {
            throw new ModelFormatException(source + ": more than 64 development metrics");
        }
        for (String k : metrics.keySet()) {
            if (!NAMED_METRICS.contains(k)) {
                details.put(k, dm.number(k, -1e12, 1e12));
            }
        }
        Instant createdAt;
        try {
            createdAt = Instant.parse(p.text("createdAt"));
        } catch (DateTimeParseException e) {
            throw new ModelFormatException(source + ": provenance field 'createdAt' must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
        ModelInfo.DevMetrics dev;
        try {
            dev = new ModelInfo.DevMetrics(dm.has("devSentences") ? (int) dm.number("devSentences", 0, 1e9) : 0,
                    dm.number("macroF1", 0, 1), dm.has("microF1") ? dm.number("microF1", 0, 1) : 0,
                    dm.has("exactMatch") ? dm.number("exactMatch", 0, 1) : 0, details);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(source + ": " + e.getMessage(), e);
        }
        ModelInfo info = new ModelInfo(f.text("name"), f.text("kind"), f.integer("formatVersion", 1, 1000),
                f.textOr("encoder", ""), p.text("corpusSha256"), p.longValue("seed"), createdAt,
                p.integer("trainSentences", 0, Integer.MAX_VALUE), dev);
        return new ModelHeader(set, thresholds, info);
    }
}
