package org.parley.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.text.translate.AggregateTranslator;
import org.apache.commons.text.translate.CharSequenceTranslator;
import org.apache.commons.text.translate.EntityArrays;
import org.apache.commons.text.translate.LookupTranslator;
import org.parley.core.AnalyzedSentence;
import org.parley.core.DocumentAnalysis;
import org.parley.core.DocumentProfile.LabelProfile;
import org.parley.core.EventCodes;
import org.parley.core.Explanation;
import org.parley.core.Label;

/**
 * Renders analysed documents as one self-contained HTML5 page: a header with the title, counts and a
 * colour legend of the labels; then per document a bar chart (inline SVG) of its label profile and the
 * article text with every sentence highlighted by its labels, its scores and speaker in a hover
 * tooltip. The page has inline CSS only — no external fonts, images, links or scripts — so it opens
 * offline. With explanations, each sentence's driving words carry their weights per label in a
 * {@code data-x} attribute, a short inline script highlights them when a label of the legend or a chart
 * is hovered or clicked (click pins it; {@code #label=NAME} in the address pins one on opening), and the header lists per label the phrases that most often
 * drove it across the documents. All document text is escaped; the same input always gives the same output. The page
 * declares UTF-8: write it through a UTF-8 writer.
 */
public final class HtmlReport {

    /** Ten distinguishable colours (Tableau 10); standard labels keep their taxonomy position. */
    private static final String[] PALETTE = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
        "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};

    /** A blank line (paragraph break) or a single line break, after normalising CR/CRLF to LF. */
    private static final Pattern BREAK = Pattern.compile("\n(?:[ \t\f]*\n)+|\n");

    private static final int NAME_W = 190;
    private static final int BAR_W = 320;
    private static final int ROW_H = 20;

    private static final String CSS = """
            body{font:15px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;max-width:62rem;margin:1.5rem auto;padding:0 1rem}
            header{border-bottom:1px solid #ddd;margin-bottom:1rem}
            .meta{color:#555;margin:.2rem 0}
            .legend{display:flex;flex-wrap:wrap;gap:.2rem 1rem;font-size:.85rem;margin:.5rem 0 1rem}
            .lg{cursor:help;white-space:nowrap}
            .chip{display:inline-block;width:.65em;height:.65em;border-radius:2px;margin:0 .1em;vertical-align:middle}
            section.doc{border-bottom:1px solid #eee;padding-bottom:1rem}
            svg.profile{display:block;margin:.5rem 0 1rem;font-size:12px}
            .article p{margin:0 0 .8em}
            .s{border-radius:3px;padding:1px 1px;cursor:help}
            .s.none{background:none}
            .s.none:hover{background:#f1f1f1}
            .spk{font-size:.75em;color:#555;font-style:italic;margin:0 .3em 0 .2em;white-space:nowrap}
            .empty{color:#777;font-style:italic}
            """;

    private static final String EXPLAIN_CSS = """
            [data-label]{cursor:pointer}
            .sel{outline:2px solid #333;outline-offset:1px;border-radius:2px}
            body.explaining .s{background:none}
            .w.on{border-radius:2px;box-shadow:0 1px 0 #333}
            .drivers{font-size:.85rem;margin:.3rem 0 1rem;border-collapse:collapse}
            .drivers td{padding:.1rem .6rem .1rem 0;vertical-align:top}
            .drivers .n{color:#777}
            .hint{color:#555;font-size:.85rem}
            """;

    /** Highlights the words of one label (hover; a click pins it). Label names are [A-Za-z0-9_]. */
    private static final String SCRIPT = """
            (function(){var pinned=null;var marks=document.querySelectorAll('.w');var labels=document.querySelectorAll('[data-label]');
            function show(l){var rgb='0,0,0';labels.forEach(function(e){var on=e.getAttribute('data-label')===l;e.classList.toggle('sel',on);if(on&&e.getAttribute('data-rgb')){rgb=e.getAttribute('data-rgb');}});
            document.body.classList.add('explaining');var re=new RegExp('(^| )'+l+':([0-9.]+)');
            marks.forEach(function(e){var m=re.exec(e.getAttribute('data-x'));if(m){e.classList.add('on');e.style.background='rgba('+rgb+','+(0.2+0.65*parseFloat(m[2])).toFixed(2)+')';}else{e.classList.remove('on');e.style.background='';}});}
            function clear(){document.body.classList.remove('explaining');labels.forEach(function(e){e.classList.remove('sel');});marks.forEach(function(e){e.classList.remove('on');e.style.background='';});}
            labels.forEach(function(e){var l=e.getAttribute('data-label');
            e.addEventListener('mouseenter',function(){show(l);});
            e.addEventListener('mouseleave',function(){if(pinned){show(pinned);}else{clear();}});
            e.addEventListener('click',function(){pinned=pinned===l?null:l;if(pinned){show(pinned);}else{clear();}});});
            var h=/label=([A-Za-z0-9_]+)/.exec(location.hash);if(h){pinned=h[1];show(pinned);}})();
            """;

    /** Positive spans per predicted label highlighted in a sentence. */
    private static final int SPANS_PER_LABEL = 3;
    /** Phrases listed per label in the header. */
    private static final int DRIVERS_PER_LABEL = 8;

    private HtmlReport() {
    }

    /**
     * Writes the report page for {@code documents} to {@code out} (which is flushed, not closed).
     *
     * @param title the page title; {@code null} gives "Parley report"
     */
    public static void write(List<DocumentAnalysis> documents, String title, Writer out) throws IOException {
        write(documents, null, title, out);
    }

    /**
     * Writes the report page with explanations: {@code explanations.get(d).get(i)} explains sentence
     * {@code i} of document {@code d} (null: none, as {@link #write(List, String, Writer)}).
     */
    public static void write(List<DocumentAnalysis> documents, List<List<Explanation>> explanations, String title, Writer out)
            throws IOException {
        Objects.requireNonNull(documents, "documents");
        Objects.requireNonNull(out, "out");
        String t = title == null ? "Parley report" : title;
        Map<Label, Integer> colours = colours(documents);
        int sentences = documents.stream().mapToInt(d -> d.sentences().size()).sum();

        StringBuilder b = new StringBuilder(4096);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(t)).append("</title>\n<style>\n").append(CSS);
        for (int c = 0; c < PALETTE.length; c++) {
            b.append(".b").append(c).append("{background:").append(tint(PALETTE[c])).append("}.k").append(c)
                    .append("{background:").append(PALETTE[c]).append("}\n");
        }
        if (explanations != null) {
            b.append(EXPLAIN_CSS);
        }
        b.append("</style>\n</head>\n<body>\n<header>\n<h1>").append(esc(t)).append("</h1>\n<p class=\"meta\">")
                .append(plural(documents.size(), "document")).append(" &middot; ").append(plural(sentences, "sentence"))
                .append("</p>\n<div class=\"legend\">\n");
        for (Map.Entry<Label, Integer> e : colours.entrySet()) {
            b.append("<span class=\"lg\"").append(explanations == null ? "" : labelAttributes(e.getKey(), e.getValue()))
                    .append(" title=\"").append(esc(legendTip(e.getKey()))).append("\"><span class=\"chip k")
                    .append(e.getValue()).append("\"></span>").append(esc(e.getKey().name())).append("</span>\n");
        }
        b.append("</div>\n");
        if (explanations != null) {
            drivers(b, documents, explanations, colours);
        }
        b.append("</header>\n<main>\n");
        out.write(b.toString());
        for (int i = 0; i < documents.size(); i++) {
            out.write(document(documents.get(i), i + 1, colours, explanations == null ? null : explanations.get(i)));
        }
        out.write("</main>\n");
        if (explanations != null) {
            out.write("<script>\n" + SCRIPT + "</script>\n");
        }
        out.write("</body>\n</html>\n");
        out.flush();
    }

    /** The report page as a string. */
    public static String render(List<DocumentAnalysis> documents, String title) {
        return render(documents, null, title);
    }

    /** The report page with explanations (see {@link #write(List, List, String, Writer)}) as a string. */
    public static String render(List<DocumentAnalysis> documents, List<List<Explanation>> explanations, String title) {
        StringWriter w = new StringWriter();
        try {
            write(documents, explanations, title, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not throw
        }
        return w.toString();
    }

    /** Every label of the documents in first-seen order, with its palette index. */
    private static Map<Label, Integer> colours(List<DocumentAnalysis> documents) {
        Map<Label, Integer> out = new LinkedHashMap<>();
        for (DocumentAnalysis d : documents) {
            d.profile().labels().forEach(p -> add(out, p.label()));
            d.sentences().forEach(s -> s.prediction().scores().keySet().forEach(l -> add(out, l)));
        }
        return out;
    }

    private static void add(Map<Label, Integer> out, Label label) {
        if (!out.containsKey(label)) {
            int standard = Label.STANDARD.indexOf(label);
            out.put(label, (standard >= 0 ? standard : out.size()) % PALETTE.length);
        }
    }

    private static String legendTip(Label label) {
        StringBuilder tip = new StringBuilder(label.description());
        EventCodes.of(label).filter(c -> !c.cameo().isEmpty())
                .ifPresent(c -> tip.append(tip.isEmpty() ? "" : "\n").append("CAMEO: ").append(String.join(", ", c.cameo())));
        return tip.toString();
    }

    private static String document(DocumentAnalysis d, int n, Map<Label, Integer> colours, List<Explanation> explanations) {
        StringBuilder b = new StringBuilder(d.text().length() * 3 + 2048);
        b.append("<section class=\"doc\" id=\"doc-").append(n).append("\">\n<h2>")
                .append(d.id().isEmpty() ? "Document " + n : esc(d.id())).append("</h2>\n<p class=\"meta\">")
                .append(plural(d.sentences().size(), "sentence")).append("</p>\n");
        chart(b, d.profile().labels(), colours, explanations != null);
        b.append("<div class=\"article\">\n<p>");
        String text = d.text();
        int cursor = 0;
        for (AnalyzedSentence s : d.sentences()) {
            int start = Math.max(cursor, Math.min(s.span().start(), text.length()));
            int end = Math.max(start, Math.min(s.span().end(), text.length()));
            String gap = text.substring(cursor, start);
            text(b, cursor == 0 ? gap.stripLeading() : gap, false);
            sentence(b, s, text.substring(start, end), start - s.span().start(), colours,
                    explanations == null ? null : explanations.get(s.index()));
            cursor = end;
        }
        String tail = text.substring(cursor).stripTrailing();
        text(b, cursor == 0 ? tail.stripLeading() : tail, false);
        if (d.sentences().isEmpty()) {
            b.append("<span class=\"empty\">(no sentences)</span>");
        }
        return b.append("</p>\n</div>\n</section>\n").toString();
    }

    /** A horizontal bar per label: its share of the document's sentences, with count and percentage. */
    private static void chart(StringBuilder b, List<LabelProfile> labels, Map<Label, Integer> colours, boolean explained) {
        int width = NAME_W + BAR_W + 90;
        int height = labels.size() * ROW_H + 4;
        b.append("<svg class=\"profile\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"Share of sentences per label\">\n");
        for (int i = 0; i < labels.size(); i++) {
            LabelProfile p = labels.get(i);
            double share = Double.isFinite(p.share()) ? Math.max(0, Math.min(1, p.share())) : 0;
            int y = i * ROW_H + 2;
            String pct = String.format(Locale.ROOT, "%d (%.0f%%)", p.count(), share * 100);
            b.append("<g").append(explained ? labelAttributes(p.label(), colours.getOrDefault(p.label(), 0)) : "")
                    .append("><title>").append(esc(p.label().name())).append(": ").append(pct).append("</title>")
                    .append("<text x=\"").append(NAME_W - 6).append("\" y=\"").append(y + 13)
                    .append("\" text-anchor=\"end\">").append(esc(p.label().name())).append("</text>")
                    .append("<rect x=\"").append(NAME_W).append("\" y=\"").append(y + 2).append("\" width=\"").append(BAR_W)
                    .append("\" height=\"").append(ROW_H - 6).append("\" fill=\"#f1f1f1\"/>")
                    .append("<rect class=\"bar\" x=\"").append(NAME_W).append("\" y=\"").append(y + 2).append("\" width=\"")
                    .append(String.format(Locale.ROOT, "%.1f", share * BAR_W)).append("\" height=\"").append(ROW_H - 6)
                    .append("\" fill=\"").append(PALETTE[colours.getOrDefault(p.label(), 0)]).append("\"/>")
                    .append("<text x=\"").append(NAME_W + BAR_W + 6).append("\" y=\"").append(y + 13).append("\">")
                    .append(pct).append("</text></g>\n");
        }
        b.append("</svg>\n");
    }

    /** One sentence: highlighted by its top label, chips for the others, tooltip, speaker tag. */
    private static void sentence(StringBuilder b, AnalyzedSentence s, String text, int shift, Map<Label, Integer> colours,
                                 Explanation explanation) {
        List<Label> labels = s.prediction().labels();
        b.append("<span class=\"s ").append(labels.isEmpty() ? "none" : "b" + colours.getOrDefault(labels.get(0), 0))
                .append("\" data-i=\"").append(s.index()).append("\" data-labels=\"")
                .append(esc(String.join(" ", s.prediction().labelNames()))).append("\" title=\"")
                .append(esc(tooltip(s))).append("\">");
        if (explanation == null) {
            text(b, text, true);
        } else {
            explained(b, text, shift, explanation);
        }
        for (Label extra : labels.subList(Math.min(1, labels.size()), labels.size())) {
            b.append("<span class=\"chip k").append(colours.getOrDefault(extra, 0)).append("\"></span>");
        }
        b.append("</span>");
        if (!s.speakerText().isEmpty()) {
            b.append("<span class=\"spk\">&mdash; ").append(esc(s.speakerText())).append("</span>");
        }
    }

    /** {@code data-label} and {@code data-rgb} of an element that selects a label. */
    private static String labelAttributes(Label label, int colour) {
        int rgb = Integer.parseInt(PALETTE[colour].substring(1), 16);
        return " data-label=\"" + esc(label.name()) + "\" data-rgb=\"" + (rgb >> 16 & 0xff) + "," + (rgb >> 8 & 0xff) + ","
                + (rgb & 0xff) + "\" tabindex=\"0\"";
    }

    /**
     * The sentence text cut at the edges of its driving spans (the strongest positive ones of each
     * predicted label); each piece that some span covers is wrapped in {@code <span class="w"
     * data-x="LABEL:w ...">}, {@code w} the span's weight relative to the label's strongest in the sentence.
     */
    private static void explained(StringBuilder b, String text, int shift, Explanation e) {
        List<int[]> marks = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Double> rel = new ArrayList<>();
        java.util.TreeSet<Integer> cuts = new java.util.TreeSet<>(List.of(0, text.length()));
        for (Label l : e.prediction().labels()) {
            List<Explanation.Span> positive = e.spans().get(l).stream().filter(sp -> sp.weight() > 0).limit(SPANS_PER_LABEL).toList();
            for (Explanation.Span sp : positive) {
                int a = Math.max(0, Math.min(text.length(), sp.start() - shift));
                int z = Math.max(a, Math.min(text.length(), sp.end() - shift));
                if (z > a) {
                    marks.add(new int[] {a, z});
                    names.add(l.name());
                    rel.add(sp.weight() / positive.get(0).weight());
                    cuts.add(a);
                    cuts.add(z);
                }
            }
        }
        Integer from = null;
        for (int to : cuts) {
            if (from != null && to > from) {
                StringBuilder x = new StringBuilder();
                for (int m = 0; m < marks.size(); m++) {
                    if (marks.get(m)[0] <= from && marks.get(m)[1] >= to) {
                        x.append(x.isEmpty() ? "" : " ").append(names.get(m)).append(':')
                                .append(String.format(Locale.ROOT, "%.2f", rel.get(m)));
                    }
                }
                String piece = text.substring(from, to);
                if (x.isEmpty()) {
                    text(b, piece, true);
                } else {
                    b.append("<span class=\"w\" data-x=\"").append(esc(x.toString())).append("\">");
                    text(b, piece, true);
                    b.append("</span>");
                }
            }
            from = to;
        }
    }

    /** Per label, the phrases that most often were its strongest span, over all documents. */
    private static void drivers(StringBuilder b, List<DocumentAnalysis> documents, List<List<Explanation>> explanations,
                                Map<Label, Integer> colours) {
        Map<Label, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (List<Explanation> doc : explanations) {
            for (Explanation e : doc) {
                for (Label l : e.prediction().labels()) {
                    e.top(l.name()).ifPresent(sp -> counts.computeIfAbsent(l, k -> new HashMap<>())
                            .merge(sp.text().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip(), 1, Integer::sum));
                }
            }
        }
        b.append("<p class=\"hint\">Hover or click a label to highlight the words that drove it in each sentence.")
                .append(" What most often drove each label across the documents (its strongest span per sentence; count):</p>\n")
                .append("<table class=\"drivers\">\n");
        for (Map.Entry<Label, Integer> c : colours.entrySet()) {
            Map<String, Integer> phrases = counts.get(c.getKey());
            if (phrases == null) {
                continue;
            }
            b.append("<tr><td").append(labelAttributes(c.getKey(), c.getValue())).append("><span class=\"chip k").append(c.getValue())
                    .append("\"></span>").append(esc(c.getKey().name())).append("</td><td>");
            List<Map.Entry<String, Integer>> top = phrases.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(DRIVERS_PER_LABEL).toList();
            for (int i = 0; i < top.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(esc(top.get(i).getKey())).append(" <span class=\"n\">")
                        .append(top.get(i).getValue()).append("</span>");
            }
            b.append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    /** Sentence number, speaker, then every label with its score: predicted ones (marked) first. */
    private static String tooltip(AnalyzedSentence s) {
        StringBuilder tip = new StringBuilder("Sentence ").append(s.index() + 1);
        if (!s.speakerText().isEmpty()) {
            tip.append(" \u00b7 speaker: ").append(s.speakerText());
        }
        List<Label> order = new ArrayList<>(s.prediction().labels());
        s.prediction().scores().keySet().stream().filter(l -> !order.contains(l))
                .sorted(Comparator.comparingDouble((Label l) -> s.prediction().scores().get(l)).reversed())
                .forEach(order::add);
        for (Label l : order) {
            tip.append('\n').append(s.prediction().labels().contains(l) ? "\u2713 " : "   ").append(l.name())
                    .append(' ').append(String.format(Locale.ROOT, "%.2f", s.prediction().scores().get(l)));
        }
        return tip.toString();
    }

    /** Escaped text with blank lines as paragraph breaks and single newlines as {@code <br>}. */
    private static void text(StringBuilder b, String text, boolean inSentence) {
        String s = text.replace("\r\n", "\n").replace('\r', '\n');
        Matcher m = BREAK.matcher(s);
        int last = 0;
        while (m.find()) {
            b.append(esc(s.substring(last, m.start())));
            boolean paragraph = m.group().length() > 1;
            b.append(!paragraph ? "<br>\n" : inSentence ? "<br><br>\n" : "</p>\n<p>");
            last = m.end();
        }
        b.append(esc(s.substring(last)));
    }

    /**
     * Escapes for both HTML text and double- or single-quoted attribute values: Commons Text's basic
     * entities for {@code & < > "}, {@code &#39;} for {@code '}, {@code &#10;} for a newline (kept in
     * tooltips), and U+FFFD for other control characters except tab and carriage return.
     */
    private static final CharSequenceTranslator ESCAPE = new AggregateTranslator(
            new LookupTranslator(EntityArrays.BASIC_ESCAPE),
            new LookupTranslator(Map.of("'", "&#39;", "\n", "&#10;")),
            new LookupTranslator(controls()));

    private static Map<CharSequence, CharSequence> controls() {
        Map<CharSequence, CharSequence> m = new HashMap<>();
        for (char c = 0; c < 0x20; c++) {
            if (c != '\t' && c != '\r' && c != '\n') {
                m.put(String.valueOf(c), "\uFFFD");
            }
        }
        return m;
    }

    static String esc(String s) {
        return ESCAPE.translate(s);
    }

    private static String tint(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        int r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, bl = rgb & 0xff;
        return String.format(Locale.ROOT, "#%02x%02x%02x", mix(r), mix(g), mix(bl));
    }

    private static int mix(int c) {
        return (int) Math.round(c + (255 - c) * 0.6);
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
