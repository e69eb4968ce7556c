package org.parley.core.archive;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.node.ArrayNode;
import org.nd4j.shade.jackson.databind.node.ObjectNode;
import org.parley.core.Label;
import org.parley.core.LabelSet;
import org.parley.core.ModelFormatException;
import org.parley.core.ModelInfo;

/**
 * The manifest fields every model kind shares: label set, per-label thresholds and provenance.
 * Immutable.
 */
public record ModelHeader(LabelSet labels, double[] thresholds, ModelInfo info) {

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
    public void writeTo(ObjectNode m) {
        m.put("kind", info.kind());
        m.put("name", info.name());
        m.put("encoder", info.encoder());
        ArrayNode ls = m.putArray("labels");
        for (Label l : labels) {
            ls.addObject().put("name", l.name()).put("description", l.description());
        }
        ArrayNode th = m.putArray("thresholds");
        for (double t : thresholds) {
            th.add(t);
        }
        ObjectNode p = m.putObject("provenance");
        p.put("corpusSha256", info.corpusSha256());
        p.put("seed", info.seed());
        p.put("createdAt", info.createdAt());
        p.put("trainSentences", info.trainSentences());
        ObjectNode dm = p.putObject("devMetrics");
        info.devMetrics().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> dm.put(e.getKey(), e.getValue()));
    }

    /** Reads and validates these fields from a manifest. */
    public static ModelHeader readFrom(ObjectNode m, String source) {
        ManifestFields f = new ManifestFields(m, source);
        JsonNode ls = f.raw("labels");
        if (!ls.isArray() || ls.isEmpty() || ls.size() > 1000) {
            throw new ModelFormatException(source + ": manifest field 'labels' must be a non-empty array of at most 1000 labels");
        }
        List<Label> labels = new ArrayList<>();
        for (JsonNode l : ls) {
            ManifestFields lf = new ManifestFields(l, source + " (labels)");
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
        JsonNode th = f.raw("thresholds");
        if (!th.isArray() || th.size() != set.size()) {
            throw new ModelFormatException(source + ": the manifest has " + set.size() + " labels but "
                    + (th.isArray() ? th.size() : 0) + " thresholds; they must match one to one");
        }
        double[] thresholds = new double[set.size()];
        for (int i = 0; i < thresholds.length; i++) {
            JsonNode t = th.get(i);
            if (!t.isNumber() || !(t.asDouble() >= 0 && t.asDouble() <= 1)) {
                throw new ModelFormatException(source + ": threshold " + i + " must be a number in [0, 1], found " + t);
            }
            thresholds[i] = t.asDouble();
        }
        ManifestFields p = f.object("provenance");
        Map<String, Double> dev = new LinkedHashMap<>();
        JsonNode dm = p.raw("devMetrics");
        for (Iterator<String> it = dm.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            dev.put(k, dm.get(k).asDouble());
        }
        ModelInfo info = new ModelInfo(f.text("name"), f.text("kind"), f.integer("formatVersion", 1, 1000),
                f.textOr("encoder", ""), p.text("corpusSha256"), p.longValue("seed"), p.text("createdAt"),
                p.integer("trainSentences", 0, Integer.MAX_VALUE), dev);
        return new ModelHeader(set, thresholds, info);
    }
}
