package org.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.text.StringEscapeUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.core.AnalyzedSentence;
import org.parley.core.DocumentAnalysis;
import org.parley.core.DocumentAnalyzer;
import org.parley.core.DocumentProfile;
import org.parley.core.Label;
import org.parley.core.LabelSet;
import org.parley.core.Parley;
import org.parley.core.Prediction;
import org.parley.core.StanceClassifier;
import org.parley.core.TextSpan;

/** The HTML report: content, self-containment, escaping and well-formed markup. */
class HtmlReportTest {

    static final String ARTICLE = """
            GENEVA (Reuters) - Foreign Minister Anna Kalin condemned the shelling of Odesa on Monday and called for an immediate ceasefire.

            "We are ready to host talks between the two sides," Kalin told reporters.
            The United Nations said thousands of civilians had fled and urged safe corridors for humanitarian aid.

            - The EU imposed new sanctions on the central bank.
            """;

    static StanceClassifier classifier;
    static DocumentAnalyzer analyzer;

    @BeforeAll
    static void load() {
        classifier = Parley.load("fast");
        analyzer = new DocumentAnalyzer(classifier);
    }

    @AfterAll
    static void close() throws Exception {
        classifier.close();
    }

    @Test
    void reportShowsEverySentenceEveryLabelSpeakerAndScores() {
        DocumentAnalysis a = analyzer.analyze("kalin-geneva", ARTICLE);
        assertTrue(a.sentences().size() >= 4, "the article splits into sentences: " + a.sentences());
        String html = HtmlReport.render(List.of(a), "Geneva talks");

        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<title>Geneva talks</title>"));
        assertTrue(html.contains("<h2>kalin-geneva</h2>"));
        assertTrue(html.contains("1 document &middot; " + a.sentences().size() + " sentences"));
        for (AnalyzedSentence s : a.sentences()) {
            String escaped = HtmlReport.esc(s.text());
            assertEquals(1, count(html, escaped), "sentence once: " + s.text());
            assertTrue(html.contains("data-i=\"" + s.index() + "\""));
        }

        // one bar per label in the chart, and one legend entry per label
        int labels = classifier.labels().size();
        assertEquals(labels, a.profile().labels().size());
        assertEquals(labels, count(html, "class=\"bar\""));
        assertEquals(labels, count(html, "class=\"lg\""));
        for (DocumentProfile.LabelProfile p : a.profile().labels()) {
            String pct = String.format(Locale.ROOT, "%d (%.0f%%)", p.count(), p.share() * 100);
            assertTrue(html.contains(">" + p.label().name() + ": " + pct + "</title>"), p.label() + " " + pct);
        }
        // the legend tooltip carries the description and CAMEO codes
        assertTrue(html.contains("title=\"" + HtmlReport.esc(Label.CONDEMNATION.description()) + "&#10;CAMEO: 111, 112\""));

        // speakers: at least one is found in this article, and each is shown after its sentence
        List<AnalyzedSentence> spoken = a.sentences().stream().filter(s -> !s.speakerText().isEmpty()).toList();
        assertFalse(spoken.isEmpty(), "the attributor names Kalin");
        for (AnalyzedSentence s : spoken) {
            assertTrue(html.contains("<span class=\"spk\">&mdash; " + HtmlReport.esc(s.speakerText()) + "</span>"));
        }

        // each sentence's tooltip lists every label with its score to 2 decimals, predicted ones marked
        Map<Integer, String> tips = tooltips(html);
        assertEquals(a.sentences().size(), tips.size());
        for (AnalyzedSentence s : a.sentences()) {
            String tip = tips.get(s.index());
            if (!s.speakerText().isEmpty()) {
                assertTrue(tip.contains("speaker: " + s.speakerText()), tip);
            }
            for (Map.Entry<Label, Double> e : s.prediction().scores().entrySet()) {
                boolean predicted = s.prediction().labels().contains(e.getKey());
                String line = (predicted ? "\u2713 " : "   ") + e.getKey().name() + " "
                        + String.format(Locale.ROOT, "%.2f", e.getValue());
                assertTrue(tip.contains("\n" + line), "tooltip has '" + line + "': " + tip);
            }
            if (!s.prediction().labels().isEmpty()) {
                assertTrue(html.contains("data-labels=\"" + String.join(" ", s.prediction().labelNames()) + "\""));
            }
        }

        // self-contained: no links, sources or scripts
        assertFalse(html.contains("http://"));
        assertFalse(html.contains("https://"));
        assertFalse(html.contains("src="));
        assertFalse(html.contains("href="));
        assertFalse(html.contains("url("));
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"));
        assertWellFormed(html);
    }

    @Test
    void articleTextIsReproducedInOrderWithParagraphs() {
        DocumentAnalysis a = analyzer.analyze("p", ARTICLE);
        String html = HtmlReport.render(List.of(a), "t");
        String article = html.substring(html.indexOf("<div class=\"article\">"));
        article = article.substring(0, article.indexOf("</div>"));
        assertEquals(3, count(article, "<p>"), "three paragraphs: " + article);
        assertTrue(article.contains("<br>"), "the single line break is kept");
        String plain = StringEscapeUtils.unescapeHtml4(article
                .replaceAll("<span class=\"spk\">[^<]*</span>", "")
                .replaceAll("<[^>]*>", ""));
        assertEquals(ARTICLE.strip().replaceAll("\\s+", " "), plain.strip().replaceAll("\\s+", " "));
    }

    @Test
    void hostileTextAndIdsAreEscaped() throws IOException {
        String hostile = "Kalin said \"<script>alert(1)</script>\" & more. "
                + "The minister's reply was \" onmouseover=\"x'>< ok.\n\n<img src=x onerror=alert(2)> was all.";
        DocumentAnalysis a = analyzer.analyze("\"><script>alert('id')</script>", hostile);
        StringWriter w = new StringWriter();
        HtmlReport.write(List.of(a), "<b>Title</b> & \"quotes\"", w);
        String html = w.toString();

        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"));
        assertFalse(html.contains("<img"));
        assertFalse(html.contains("<b>"));
        assertFalse(html.contains("onmouseover=\""));
        assertTrue(html.contains("&lt;img src=x onerror=alert(2)&gt;"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("<h2>&quot;&gt;&lt;script&gt;alert(&#39;id&#39;)&lt;/script&gt;</h2>"));
        assertTrue(html.contains("<title>&lt;b&gt;Title&lt;/b&gt; &amp; &quot;quotes&quot;</title>"));
        assertTrue(html.contains(" &amp; more."));
        assertTrue(html.contains("minister&#39;s"));
        assertWellFormed(html);
    }

    @Test
    void emptyDocumentAndNoDocumentsRender() {
        DocumentAnalysis empty = analyzer.analyze("empty", "");
        String html = HtmlReport.render(List.of(empty), "Empty");
        assertTrue(html.contains("1 document &middot; 0 sentences"));
        assertTrue(html.contains("(no sentences)"));
        assertEquals(classifier.labels().size(), count(html, "class=\"bar\""), "a zero bar per label");
        assertTrue(html.contains(": 0 (0%)</title>"));
        assertWellFormed(html);

        String none = HtmlReport.render(List.of(), null);
        assertTrue(none.contains("<h1>Parley report</h1>"));
        assertTrue(none.contains("0 documents &middot; 0 sentences"));
        assertWellFormed(none);
    }

    @Test
    void sentencesWithoutLabelsAndOtherLabelSetsRender() {
        List<Label> own = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            own.add(Label.of("L" + i));
        }
        LabelSet set = LabelSet.of(own);
        String text = "Nothing here.  Nor here.";
        double[] low = new double[12];
        double[] thresholds = new double[12];
        java.util.Arrays.fill(low, 0.1);
        java.util.Arrays.fill(thresholds, 0.5);
        List<AnalyzedSentence> sentences = List.of(
                new AnalyzedSentence(0, TextSpan.of(text, 0, 13), Prediction.of("Nothing here.", set, low, thresholds), null),
                new AnalyzedSentence(1, TextSpan.of(text, 15, 24), Prediction.of("Nor here.", set, low, thresholds), null));
        DocumentAnalysis d = new DocumentAnalysis("", text, sentences, DocumentProfile.of(set, sentences));
        String html = HtmlReport.render(List.of(d), "Own labels");

        assertEquals(2, count(html, "<span class=\"s none\""));
        assertEquals(12, count(html, "class=\"bar\""));
        assertTrue(html.contains("<h2>Document 1</h2>"), "an empty id gets a placeholder heading");
        assertTrue(html.contains("Nothing here.</span>  <span class=\"s none\" data-i=\"1\""));
        // twelve labels cycle through the ten colours: L10 takes L0's colour
        assertTrue(html.contains("<span class=\"chip k0\"></span>L0</span>"));
        assertTrue(html.contains("<span class=\"chip k0\"></span>L10</span>"));
        assertTrue(html.contains("<span class=\"chip k1\"></span>L11</span>"));
        assertWellFormed(html);
    }

    @Test
    void outputIsDeterministic() {
        List<DocumentAnalysis> docs = List.of(analyzer.analyze("a", ARTICLE), analyzer.analyze("b", "Talks resumed."));
        String first = HtmlReport.render(docs, "Twice");
        assertEquals(first, HtmlReport.render(docs, "Twice"));
        assertTrue(first.contains("2 documents &middot; "));
        assertTrue(first.contains("id=\"doc-1\"") && first.contains("id=\"doc-2\""));
    }

    // --- helpers ---

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    private static final Pattern TIP = Pattern.compile("<span class=\"s [^\"]*\" data-i=\"(\\d+)\" data-labels=\"[^\"]*\" title=\"([^\"]*)\">");

    /** Sentence index to its unescaped tooltip. */
    private static Map<Integer, String> tooltips(String html) {
        Map<Integer, String> out = new LinkedHashMap<>();
        Matcher m = TIP.matcher(html);
        while (m.find()) {
            out.put(Integer.parseInt(m.group(1)), StringEscapeUtils.unescapeHtml4(m.group(2).replace("&#10;", "\n")));
        }
        return out;
    }

    private static final Set<String> VOID = Set.of("meta", "br");
    private static final Set<String> TAGS = Set.of("html", "head", "meta", "title", "style", "body", "header", "main",
            "h1", "h2", "p", "div", "span", "section", "br", "svg", "g", "rect", "text");
    private static final Set<String> ATTRIBUTES = Set.of("lang", "charset", "name", "content", "class", "id", "title",
            "data-i", "data-labels", "width", "height", "viewBox", "role", "aria-label", "x", "y", "fill", "text-anchor");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-z][a-z0-9]*)((?:\\s+[a-zA-Z-]+=\"[^\"<>]*\")*)\\s*(/?)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z-]+)=\"");

    /**
     * Every {@code <} in the page starts a known tag with known, double-quoted attributes, and the tags
     * nest properly — so no document text turned into markup.
     */
    private static void assertWellFormed(String html) {
        assertTrue(html.startsWith("<!DOCTYPE html>\n"));
        Deque<String> open = new ArrayDeque<>();
        int from = "<!DOCTYPE html>".length();
        for (int i = html.indexOf('<', from); i >= 0; i = html.indexOf('<', i + 1)) {
            Matcher m = TAG.matcher(html).region(i, html.length());
            if (!m.lookingAt()) {
                fail("stray '<' at " + i + ": " + html.substring(i, Math.min(html.length(), i + 60)));
            }
            String name = m.group(2);
            assertTrue(TAGS.contains(name), "unexpected tag <" + name + ">");
            Matcher attrs = ATTRIBUTE.matcher(m.group(3));
            while (attrs.find()) {
                assertTrue(ATTRIBUTES.contains(attrs.group(1)), "unexpected attribute " + attrs.group(1) + " on <" + name + ">");
            }
            if (!m.group(1).isEmpty()) {
                assertEquals(name, open.isEmpty() ? "(none)" : open.pop(), "closing tag at " + i);
            } else if (m.group(4).isEmpty() && !VOID.contains(name)) {
                open.push(name);
            }
        }
        assertTrue(open.isEmpty(), "unclosed: " + open);
        assertTrue(html.indexOf('>', html.lastIndexOf('<')) == html.length() - 2, "ends with </html>");
    }
}
