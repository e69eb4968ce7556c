package org.parley.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.parley.core.Explanation;
import org.parley.core.Label;

/**
 * How {@code --explain} writes an explanation: in JSONL, an object of the predicted labels, each with
 * its {@link #MAX_SPANS} strongest spans ({@code start}, {@code end}, {@code text}, {@code weight});
 * in text, TSV and CSV, the top span per predicted label ({@code LABEL "text"; ...}).
 */
final class ExplanationFormat {

    /** Spans written per label in JSONL. */
    static final int MAX_SPANS = 10;

    private ExplanationFormat() {
    }

    /**
     * The JSON object {@code {"LABEL": [{"start": s, "end": e, "text": "...", "weight": w}, ...], ...}}
     * for the predicted labels, best label first; {@code shift} is added to the offsets (a sentence's
     * start in its document).
     */
    static String json(Explanation e, int shift) {
        StringBuilder sb = new StringBuilder(256).append('{');
        boolean firstLabel = true;
        for (Label l : e.prediction().labels()) {
            sb.append(firstLabel ? "" : ", ").append(Json.quote(l.name())).append(": [");
            firstLabel = false;
            List<Explanation.Span> spans = e.spans().get(l);
            for (int i = 0; i < Math.min(MAX_SPANS, spans.size()); i++) {
                Explanation.Span s = spans.get(i);
                sb.append(i == 0 ? "" : ", ").append("{\"start\": ").append(s.start() + shift).append(", \"end\": ").append(s.end() + shift)
                        .append(", \"text\": ").append(Json.quote(s.text())).append(", \"weight\": ")
                        .append(String.format(Locale.ROOT, "%.4f", s.weight())).append('}');
            }
            sb.append(']');
        }
        return sb.append('}').toString();
    }

    /** {@code LABEL "span"; LABEL "span"}: the strongest positive span of each predicted label; empty if none. */
    static String top(Explanation e) {
        List<String> parts = new ArrayList<>();
        for (Label l : e.prediction().labels()) {
            Optional<Explanation.Span> s = e.top(l.name());
            s.ifPresent(span -> parts.add(l.name() + " \"" + Fields.oneLine(span.text()) + "\""));
        }
        return String.join("; ", parts);
    }
}
