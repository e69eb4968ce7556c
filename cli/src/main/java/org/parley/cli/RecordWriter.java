package org.parley.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.parley.core.Explanation;
import org.parley.core.Label;
import org.parley.core.LabelSet;
import org.parley.core.Prediction;

/** Writes one prediction per record in one of the {@link RecordFormat}s. */
abstract class RecordWriter {

    protected final PrintWriter out;

    RecordWriter(PrintWriter out) {
        this.out = out;
    }

    /** Whether records carry explanations ({@code --explain}); set before {@link #begin()}. */
    boolean explain;
    /** The explanation of the record being written, or null. */
    protected Explanation current;

    void begin() {
    }

    abstract void write(Prediction p);

    /** Writes an explained prediction. */
    final void write(Explanation e) {
        current = e;
        try {
            write(e.prediction());
        } finally {
            current = null;
        }
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
            String why = current == null ? "" : ExplanationFormat.top(current);
            out.println("[" + labels + "]  " + Fields.oneLine(p.text()) + (why.isEmpty() ? "" : "  <- " + why));
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
            sb.append('}');
            if (current != null) {
                sb.append(", \"explanation\": ").append(ExplanationFormat.json(current, 0));
            }
            out.println(sb.append('}'));
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
            return sep == '\t' ? Fields.tsv(s) : Fields.csv(s);
        }

        @Override
        void begin() {
            out.println(field("text") + sep + field("labels") + sep
                    + labels.names().stream().map(this::field).collect(Collectors.joining(String.valueOf(sep)))
                    + (explain ? sep + field("explanation") : ""));
        }

        @Override
        void write(Prediction p) {
            StringBuilder sb = new StringBuilder(field(p.text())).append(sep).append(field(String.join(",", p.labelNames())));
            for (Label l : labels) {
                sb.append(sep).append(String.format(Locale.ROOT, "%.6f", p.scores().get(l)));
            }
            if (explain) {
                sb.append(sep).append(field(current == null ? "" : ExplanationFormat.top(current)));
            }
            out.println(sb);
        }
    }
}
