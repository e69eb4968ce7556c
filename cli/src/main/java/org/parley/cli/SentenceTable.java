package org.parley.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.parley.core.AnalyzedSentence;
import org.parley.core.DocumentAnalysis;
import org.parley.core.EventCodes;
import org.parley.core.Explanation;
import org.parley.core.Label;
import org.parley.core.LabelSet;

/**
 * Formats analysed sentences as records that load directly in pandas or R: one row per sentence with
 * the document id, sentence index, character offsets, speaker, text, predicted labels, optionally their
 * CAMEO codes, and one score column per label. JSONL, TSV (tabs and line breaks in text become spaces)
 * and CSV (RFC 4180 quoting) share the same columns; {@code text} is a short human-readable form.
 * Document ids are written so that they survive every format ({@link Fields}).
 */
final class SentenceTable {

    /** The output formats for sentence records. */
    enum Format { jsonl, tsv, csv, text }

    private final Format format;
    private final LabelSet labels;
    private final boolean cameo;
    /** Whether records carry explanations ({@code --explain}): a last column, or a JSONL field. */
    boolean explain;

    SentenceTable(Format format, LabelSet labels, boolean cameo) {
        this.format = format;
        this.labels = labels;
        this.cameo = cameo;
    }

    Format format() {
        return format;
    }

    /** The column names of the tsv and csv formats. */
    List<String> columns() {
        List<String> cols = new ArrayList<>(List.of("doc", "sentence", "start", "end", "speaker", "text", "labels"));
        if (cameo) {
            cols.add("cameo");
        }
        cols.addAll(labels.names());
        if (explain) {
            cols.add("explanation");
        }
        return cols;
    }

    /** The header line, or null for formats without one. */
    String header() {
        List<String> cols = columns();
        return switch (format) {
            case tsv -> String.join("\t", cols);
            case csv -> cols.stream().map(Fields::csv).collect(Collectors.joining(","));
            default -> null;
        };
    }

    /** All records of one document, each ending in a newline. */
    String records(DocumentAnalysis doc) {
        return records(doc, null);
    }

    /** All records of one document with the explanations of its sentences (null: none), in order. */
    String records(DocumentAnalysis doc, List<Explanation> explanations) {
        StringBuilder sb = new StringBuilder();
        for (AnalyzedSentence s : doc.sentences()) {
            sb.append(record(doc.id(), s, explanations == null ? null : explanations.get(s.index()))).append('\n');
        }
        return sb.toString();
    }

    String record(String docId, AnalyzedSentence s) {
        return record(docId, s, null);
    }

    /** One record; explanation offsets are shifted to the document, like the sentence's own. */
    String record(String docId, AnalyzedSentence s, Explanation e) {
        String plain = plainRecord(docId, s);
        if (!explain) {
            return plain;
        }
        String top = e == null ? "" : ExplanationFormat.top(e);
        return switch (format) {
            case jsonl -> plain.substring(0, plain.length() - 1) + ", \"explanation\": "
                    + (e == null ? "{}" : ExplanationFormat.json(e, s.span().start())) + "}";
            case tsv -> plain + "\t" + Fields.tsv(top);
            case csv -> plain + "," + Fields.csv(top);
            case text -> top.isEmpty() ? plain : plain + "  <- " + top;
        };
    }

    private String plainRecord(String docId, AnalyzedSentence s) {
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
                        ? Fields.tsvId(docId) + "\t" + f.stream().skip(1).map(Fields::tsv).collect(Collectors.joining("\t"))
                        : Fields.csvId(docId) + "," + f.stream().skip(1).map(Fields::csv).collect(Collectors.joining(","));
            }
            case text -> String.format(Locale.ROOT, "%s #%d [%d-%d]%s [%s]  %s", Fields.oneLine(docId), s.index(),
                    s.span().start(), s.span().end(), s.speaker() == null ? "" : " (" + Fields.oneLine(s.speakerText()) + ")",
                    predicted.isEmpty() ? "-" : predicted.stream().map(l -> String.format(Locale.ROOT, "%s %.2f", l.name(), scores.get(l)))
                            .collect(Collectors.joining(", ")), Fields.oneLine(s.text()));
        };
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.6f", d);
    }
}
