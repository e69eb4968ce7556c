package org.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.json.BoundedJson;

import com.google.gson.JsonObject;

/** classify --document, profile, report and documents evaluate, from the command line. */
class DocumentCommandsTest {

    private static final String ARTICLE = "Norway offers to host talks\n\nOSLO, Feb. 24 — Norway stands ready to host the next round, "
            + "Foreign Minister Ana Ruiz said on Monday. \"We will keep our channels to both capitals open,\" she added.\n\n"
            + "The ministry condemned the shelling of the hospital in the U.S. statement.\n";

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void documentModeEmitsOneJsonRecordPerSentenceWithOffsetsAndSpeaker() throws IOException {
        Path a = write("a.txt", ARTICLE);
        StanceCliTest.Result r = StanceCliTest.run("classify", "--document", "-m", "fast", "-f", "jsonl", "--cameo", a.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.lines();
        assertEquals(4, lines.size(), r.out());
        for (int i = 0; i < lines.size(); i++) {
            JsonObject n = BoundedJson.parseObject(lines.get(i));
            assertEquals("a.txt", n.get("doc").getAsString());
            assertEquals(i, n.get("sentence").getAsInt());
            assertEquals(n.get("text").getAsString(), ARTICLE.substring(n.get("start").getAsInt(), n.get("end").getAsInt()));
            assertEquals(10, n.getAsJsonObject("scores").size());
            assertTrue(n.has("cameo"));
        }
        assertTrue(BoundedJson.parseObject(lines.get(0)).get("speaker").isJsonNull());
        assertEquals("Foreign Minister Ana Ruiz", BoundedJson.parseObject(lines.get(1)).get("speaker").getAsString());
        assertEquals("Foreign Minister Ana Ruiz", BoundedJson.parseObject(lines.get(2)).get("speaker").getAsString());
    }

    @Test
    void foldersAndTablesAreCorporaAndCsvLoadsAsATable() throws IOException {
        write("corpus/one.txt", ARTICLE);
        write("corpus/sub/two.txt", "The envoy urged an immediate truce. Aid convoys reached the town.");
        StanceCliTest.Result folder = StanceCliTest.run("classify", "--document", "-m", "fast", "-f", "tsv", dir.resolve("corpus").toString());
        assertEquals(0, folder.code(), folder.err());
        assertEquals(1 + 4 + 2, folder.lines().size());
        assertTrue(folder.lines().get(0).startsWith("doc\tsentence\tstart\tend\tspeaker\ttext\tlabels\tCONDEMNATION"));

        Path csv = write("docs.csv", "article_id,body,source\n7,\"She said: \"\"We condemn it.\"\"\nNew line, same doc.\",x\n8,Plain text.,y\n");
        StanceCliTest.Result table = StanceCliTest.run("classify", "--document", "-m", "fast", "-f", "csv",
                "--id-column", "article_id", "--text-column", "body", csv.toString());
        assertEquals(0, table.code(), table.err());
        List<String> rows = table.lines();
        assertEquals("doc,sentence,start,end,speaker,text,labels", String.join(",", List.of(rows.get(0).split(",")).subList(0, 7)));
        Set<String> docs = new LinkedHashSet<>();
        for (String row : rows.subList(1, rows.size())) {
            docs.add(row.substring(0, row.indexOf(',')));
        }
        assertEquals(List.of("7", "8"), new ArrayList<>(docs));

        Path jsonl = write("docs.jsonl", "{\"id\": \"x\", \"text\": \"Kenya offered to mediate.\"}\n{\"id\": \"y\", \"text\": \"\"}\n");
        StanceCliTest.Result jl = StanceCliTest.run("classify", "--document", "-m", "fast", "-f", "jsonl", jsonl.toString());
        assertEquals(0, jl.code(), jl.err());
        assertEquals(1, jl.lines().size(), "an empty document has no sentences");
    }

    @Test
    void malformedTablesFailWithFileAndLineAndLeaveNoOutput() throws IOException {
        Path csv = write("bad.csv", "id,text\n1,fine\n2,too,many\n");
        Path out = dir.resolve("out.csv");
        StanceCliTest.Result r = StanceCliTest.run("classify", "--document", "-m", "fast", "-f", "csv", "-o", out.toString(), csv.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bad.csv:3"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out));
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary file left");
        }
        Path jsonl = write("bad.jsonl", "{\"id\": 1, \"text\": \"ok\"}\n{not json\n");
        StanceCliTest.Result j = StanceCliTest.run("classify", "--document", "-m", "fast", jsonl.toString());
        assertEquals(2, j.code());
        assertTrue(j.err().contains("bad.jsonl:2"), j.err());
        StanceCliTest.Result missingColumn = StanceCliTest.run("classify", "--document", "-m", "fast", "--text-column", "body", csv.toString());
        assertEquals(2, missingColumn.code());
        assertTrue(missingColumn.err().contains("--text-column"), missingColumn.err());
    }

    @Test
    void profileAndHtmlReport() throws IOException {
        Path a = write("a.txt", ARTICLE);
        StanceCliTest.Result p = StanceCliTest.run("profile", "-m", "fast", "-f", "tsv", a.toString());
        assertEquals(0, p.code(), p.err());
        assertEquals(1 + 10, p.lines().size());
        assertTrue(p.lines().get(0).startsWith("doc\tsentences\tlabel\tcount\tshare"));
        int total = 0;
        for (String row : p.lines().subList(1, 11)) {
            String[] f = row.split("\t", -1);
            assertEquals("4", f[1]);
            int count = Integer.parseInt(f[3]);
            assertEquals(count / 4.0, Double.parseDouble(f[4]), 1e-6);
            total += count;
        }
        assertTrue(total > 0);
        Path html = dir.resolve("report.html");
        StanceCliTest.Result r = StanceCliTest.run("report", "-m", "fast", "-o", html.toString(), a.toString());
        assertEquals(0, r.code(), r.err());
        String page = Files.readString(html);
        assertTrue(page.contains("Foreign Minister Ana Ruiz"));
        assertFalse(page.contains("http://") || page.contains("https://"));
    }

    @Test
    void soakReportsMemoryAtEachStepAndTheGrowth() {
        StanceCliTest.Result r = StanceCliTest.run("soak", "-m", "fast", "--calls", "3000", "--every", "1000", "--threads", "2");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.lines();
        assertEquals(4, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("1,000 calls") && lines.get(0).contains("heap"), lines.get(0));
        assertTrue(lines.get(2).startsWith("3,000 calls"), lines.get(2));
        assertTrue(lines.get(3).startsWith("growth since the first report"), lines.get(3));
        assertEquals(2, StanceCliTest.run("soak", "-m", "fast", "--threads", "0").code());
    }

    @Test
    void documentsEvaluateScoresTheBundledArticles() {
        StanceCliTest.Result r = StanceCliTest.run("documents", "evaluate", "../examples/articles/dev");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("6 articles"), r.out());
        assertTrue(r.out().contains("| Parley (ICU4J + news repairs) |"));
    }
}
