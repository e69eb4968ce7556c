package org.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.DocumentAnalysis;
import org.parley.core.DocumentAnalyzer;
import org.parley.core.Explanation;
import org.parley.core.Parley;
import org.parley.core.StanceClassifier;
import org.parley.core.json.BoundedJson;

/** {@code --explain} in classify (lines and documents) and the explained HTML report. */
class ExplainCliTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void jsonlRecordsCarryTheSpansOfThePredictedLabels() throws IOException {
        String line = "We  strongly condemn the shelling of the hospital \u2014 caf\u00E9 talks.";
        Path in = write("in.txt", line + "\n\n");
        StanceCliTest.Result r = StanceCliTest.run("classify", "-m", "fast", "--explain", "-f", "jsonl", in.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.lines();
        assertEquals(2, lines.size());
        JsonObject rec = BoundedJson.parseObject(lines.get(0));
        JsonObject ex = rec.getAsJsonObject("explanation");
        List<String> labels = rec.getAsJsonArray("labels").asList().stream().map(JsonElement::getAsString).toList();
        assertEquals(labels, List.copyOf(ex.keySet()), "the predicted labels, best first");
        assertTrue(labels.contains("CONDEMNATION"), lines.get(0));
        for (Map.Entry<String, JsonElement> e : ex.entrySet()) {
            JsonArray spans = e.getValue().getAsJsonArray();
            assertTrue(spans.size() > 0 && spans.size() <= ExplanationFormat.MAX_SPANS);
            double last = Double.MAX_VALUE;
            for (JsonElement s : spans) {
                JsonObject o = s.getAsJsonObject();
                int start = o.get("start").getAsInt();
                int end = o.get("end").getAsInt();
                assertEquals(line.substring(start, end), o.get("text").getAsString());
                double w = Math.abs(o.get("weight").getAsDouble());
                assertTrue(w <= last + 1e-4, "strongest first");
                last = w;
            }
        }
        assertEquals("condemn", ex.getAsJsonArray("CONDEMNATION").get(0).getAsJsonObject().get("text").getAsString());
        assertEquals(0, BoundedJson.parseObject(lines.get(1)).getAsJsonObject("explanation").size());
    }

    @Test
    void textAndTableFormatsShowTheTopSpanPerLabel() throws IOException {
        Path in = write("in.txt", "We strongly condemn the shelling of the hospital.\n");
        StanceCliTest.Result text = StanceCliTest.run("classify", "-m", "fast", "--explain", in.toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("<- CONDEMNATION \"condemn\""), text.out());
        StanceCliTest.Result tsv = StanceCliTest.run("classify", "-m", "fast", "--explain", "-f", "tsv", in.toString());
        List<String> rows = tsv.lines();
        assertTrue(rows.get(0).endsWith("\texplanation"), rows.get(0));
        assertTrue(rows.get(1).contains("CONDEMNATION \"condemn\""), rows.get(1));
        assertEquals(rows.get(0).split("\t").length, rows.get(1).split("\t", -1).length);
    }

    @Test
    void documentRecordsShiftTheSpansToTheDocument() throws IOException {
        String doc = "Talks resumed on Monday.\n\nThe ministry strongly condemned the shelling of the hospital.";
        Path in = write("a.txt", doc);
        StanceCliTest.Result r = StanceCliTest.run("classify", "-m", "fast", "--document", "--explain", "-f", "jsonl", in.toString());
        assertEquals(0, r.code(), r.err());
        boolean seen = false;
        for (String l : r.lines()) {
            JsonObject rec = BoundedJson.parseObject(l);
            for (Map.Entry<String, JsonElement> e : rec.getAsJsonObject("explanation").entrySet()) {
                for (JsonElement s : e.getValue().getAsJsonArray()) {
                    JsonObject o = s.getAsJsonObject();
                    assertEquals(doc.substring(o.get("start").getAsInt(), o.get("end").getAsInt()), o.get("text").getAsString());
                    assertTrue(o.get("start").getAsInt() >= rec.get("start").getAsInt());
                    seen = true;
                }
            }
        }
        assertTrue(seen, r.out());
    }

    @Test
    void reportHighlightsTheDrivingWordsAndEscapesThem() {
        try (StanceClassifier clf = Parley.load("fast")) {
            String hostile = "We strongly condemn the <script>alert(1)</script> shelling of the hospital. "
                    + "Qatar stands ready to host \"talks\" & mediate.";
            DocumentAnalysis a = new DocumentAnalyzer(clf).analyze("\"><b>id", hostile);
            List<Explanation> ex = clf.explainAll(a.sentences().stream().map(s -> s.text()).toList());
            String html = HtmlReport.render(List.of(a), List.of(ex), "t");
            String lower = html.toLowerCase(Locale.ROOT);
            assertEquals(1, lower.split("<script", -1).length - 1, "only the report's own script");
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
            assertFalse(html.contains("<b>"));
            assertTrue(html.contains("data-label=\"CONDEMNATION\""));
            assertTrue(html.matches("(?s).*<span class=\"w\" data-x=\"[^\"]*CONDEMNATION:1\\.00[^\"]*\">condemn</span>.*"), "the top word is marked");
            assertTrue(html.contains("<table class=\"drivers\">"));
            assertFalse(html.contains("http://") || html.contains("https://") || html.contains("src=") || html.contains("href="));
            // without explanations the page stays script-free
            assertFalse(HtmlReport.render(List.of(a), "t").toLowerCase(Locale.ROOT).contains("<script"));
        }
    }
}
