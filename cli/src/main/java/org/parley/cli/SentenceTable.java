package org.parley.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.parley.core.AnalyzedSentence;
import org.parley.core.DocumentAnalysis;
import org.parley.core.EventCodes;
import org.parley.core.Label;
import org.parley.core.LabelSet;

/**
 * Formats analysed sentences as records that load directly in pandas or R: one row per sentence with
 * the document id, sentence index, character offsets, speaker, text, predicted labels, optionally their
 * CAMEO codes, and one score column per label. JSONL, TSV (tabs and line breaks in text become spaces)
 * and CSV (RFC 4180 quoting) share the same columns; {@code text} is a short human-readable form.
 */
final class SentenceTable {

    /** The output formats for sentence records. */
    enum Format { jsonl, tsv, csv, text }

    private static final org.nd4j.shade.jackson.databind.ObjectMapper JSON = new org.nd4j.shade.jackson.databind.ObjectMapper();

    private final Format format;
    private final LabelSet labels;
    private final boolean cameo;

    SentenceTable(Format format, LabelSet labels, boolean cameo) {
        this.format = format;
        this.labels = labels;
        this.cameo = cameo;
    }

    /** The header line, or null for formats without one. */
    String header() {
        List<String> cols = new ArrayList<>(List.of("doc", "sentence", "start", "end", "speaker", "text", "labels"));
        if (cameo) {
            cols.add("cameo");
        }
        cols.addAll(labels.names());
        return switch (format) {
            case tsv -> String.join("\t", cols);
            case csv -> cols.stream().map(SentenceTable::csv).collect(Collectors.joining(","));
            default -> null;
        };
    }

    /** All records of one document, each ending in a newline. */
    String records(DocumentAnalysis doc) {
        StringBuilder sb = new StringBuilder();
        for (AnalyzedSentence s : doc.sentences()) {
            sb.append(record(doc.id(), s)).append('\n');
        }
        return sb.toString();
    }

    String record(String docId, AnalyzedSentence s) {
        List<Label> predicted = s.prediction().labels();
        String labelList = predicted.stream().map(Label::name).collect(Collectors.joining(","));
        String codes = predicted.stream().map(l -> EventCodes.cameoCodes(l, ";")).filter(c -> !c.isEmpty())
                .collect(Collectors.joining(";"));
        Map<Label, Double> scores = s.prediction().scores();
        return switch (format) {
            case jsonl -> {
                StringBuilder sb = new StringBuilder(256).append("{\"doc\": ").append(Json.quote(docId))
                        .append(", \"sentence\": ").append(s.index())
                        .append(", \"start\": ").append(s.span().start()).append(", \"end\": ").append(s.span().end())
                        .append(", \"speaker\": ").append(s.speaker() == null ? "null" : Json.quote(s.speakerText()))
                        .append(", \"text\": ").append(Json.quote(s.text()))
                        .append(", \"labels\": [").append(predicted.stream().map(l -> Json.quote(l.name())).collect(Collectors.joining(", "))).append(']');
                if (cameo) {
                    sb.append(", \"cameo\": [").append(codes.isEmpty() ? "" : java.util.Arrays.stream(codes.split(";"))
                            .map(Json::quote).collect(Collectors.joining(", "))).append(']');
                }
                sb.append(", \"scores\": {").append(labels.asList().stream()
                        .map(l -> Json.quote(l.name()) + ": " + fmt(scores.get(l))).collect(Collectors.joining(", ")));
                yield sb.append("}}").toString();
            }
            case tsv, csv -> {
                List<String> f = new ArrayList<>(List.of(docId, String.valueOf(s.index()), String.valueOf(s.span().start()),
                        String.valueOf(s.span().end()), s.speakerText(), s.text(), labelList));
                if (cameo) {
                    f.add(codes);
                }
                for (Label l : labels) {
                    f.add(fmt(scores.get(l)));
                }
                yield format == Format.tsv
                        ? f.stream().map(RecordWriter::oneLine).collect(Collectors.joining("\t"))
                        : f.stream().map(SentenceTable::csv).collect(Collectors.joining(","));
            }
            case text -> String.format(Locale.ROOT, "%s #%d [%d-%d]%s [%s]  %s", RecordWriter.oneLine(docId), s.index(),
                    s.span().start(), s.span().end(), s.speaker() == null ? "" : " (" + RecordWriter.oneLine(s.speakerText()) + ")",
                    predicted.isEmpty() ? "-" : predicted.stream().map(l -> String.format(Locale.ROOT, "%s %.2f", l.name(), scores.get(l)))
                            .collect(Collectors.joining(", ")), RecordWriter.oneLine(s.text()));
        };
    }

    /** The document id of a record written by this table, or null if the line is not one (for --resume). */
    String docOf(String line) {
        if (line.isEmpty()) {
            return null;
        }
        return switch (format) {
            case jsonl -> {
                try {
                    var node = JSON.readTree(line);
                    yield node != null && node.has("doc") ? node.get("doc").asText() : null;
                } catch (java.io.IOException e) {
                    yield null;
                }
            }
            case tsv -> line.substring(0, Math.max(0, line.indexOf('\t')));
            case csv -> firstCsvField(line);
            case text -> null;
        };
    }

    private static String firstCsvField(String line) {
        if (!line.startsWith("\"")) {
            int comma = line.indexOf(',');
            return comma < 0 ? line : line.substring(0, comma);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    sb.append('"');
                    i++;
                } else {
                    return sb.toString();
                }
            } else {
                sb.append(c);
            }
        }
        return null;
    }

    static String csv(String s) {
        String one = s.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
        if (one.indexOf(',') >= 0 || one.indexOf('"') >= 0 || !one.equals(one.strip())) {
            return '"' + one.replace("\"", "\"\"") + '"';
        }
        return one;
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.6f", d);
    }
}
