package org.parley.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.parley.core.Label;
import org.parley.core.LabelSet;
import org.parley.core.Prediction;

/** Writes one prediction per record in one of the {@link RecordFormat}s. */
abstract class RecordWriter {

    protected final PrintWriter out;

    RecordWriter(PrintWriter out) {
        this.out = out;
    }

    void begin() {
    }

    abstract void write(Prediction p);

    /** Tabs, line breaks and other control characters become spaces, so one record stays one line. */
    static String oneLine(String s) {
        return s.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", " ");
    }

    /** {@code [LABEL 0.91, LABEL 0.77]  sentence} — for people. */
    static final class Text extends RecordWriter {
        Text(PrintWriter out) {
            super(out);
        }

        @Override
        void write(Prediction p) {
            String labels = p.labels().isEmpty() ? "-" : p.labels().stream()
                    .map(l -> String.format(Locale.ROOT, "%s %.2f", l.name(), p.scores().get(l)))
                    .collect(Collectors.joining(", "));
            out.println("[" + labels + "]  " + oneLine(p.text()));
        }
    }

    /** {@code {"text": ..., "labels": [...], "scores": {...}}} per line. */
    static final class JsonLines extends RecordWriter {
        JsonLines(PrintWriter out) {
            super(out);
        }

        @Override
        void write(Prediction p) {
            StringBuilder sb = new StringBuilder(256);
            sb.append("{\"text\": ").append(Json.quote(p.text())).append(", \"labels\": [");
            sb.append(p.labels().stream().map(l -> Json.quote(l.name())).collect(Collectors.joining(", ")));
            sb.append("], \"scores\": {");
            boolean first = true;
            for (Map.Entry<Label, Double> e : p.scores().entrySet()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                sb.append(Json.quote(e.getKey().name())).append(": ").append(String.format(Locale.ROOT, "%.6f", e.getValue()));
            }
            out.println(sb.append("}}"));
        }
    }

    /** A header row, then {@code text, labels, one score column per label}; tab- or comma-separated (CSV quoting). */
    static final class Tsv extends RecordWriter {
        private final LabelSet labels;
        private final char sep;

        Tsv(PrintWriter out, LabelSet labels, char sep) {
            super(out);
            this.labels = labels;
            this.sep = sep;
        }

        private String field(String s) {
            return sep == '\t' ? oneLine(s) : SentenceTable.csv(s);
        }

        @Override
        void begin() {
            out.println(field("text") + sep + field("labels") + sep
                    + labels.names().stream().map(this::field).collect(Collectors.joining(String.valueOf(sep))));
        }

        @Override
        void write(Prediction p) {
            StringBuilder sb = new StringBuilder(field(p.text())).append(sep).append(field(String.join(",", p.labelNames())));
            for (Label l : labels) {
                sb.append(sep).append(String.format(Locale.ROOT, "%.6f", p.scores().get(l)));
            }
            out.println(sb);
        }
    }
}
