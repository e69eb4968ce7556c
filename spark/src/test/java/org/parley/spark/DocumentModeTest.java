package org.parley.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.AnalyzedSentence;
import org.parley.core.DocumentAnalysis;
import org.parley.core.DocumentAnalyzer;
import org.parley.core.Label;
import org.parley.core.Parley;
import org.parley.core.StanceClassifier;

/** Document mode on the hand-labelled test articles: the same rows as DocumentAnalyzer on one machine. */
class DocumentModeTest {

    static final Path ARTICLES = Path.of("..", "examples", "articles", "test");

    static SparkSession spark;
    static Map<String, String> articles = new TreeMap<>();

    @BeforeAll
    static void setUp() throws IOException {
        spark = TestSpark.get();
        try (Stream<Path> files = Files.list(ARTICLES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                articles.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        assertEquals(12, articles.size());
    }

    /** The single-machine rows: doc|sentence|start|end|speaker|text|labels, and the scores, keyed by doc and index. */
    static Map<String, Object[]> expected(StanceClassifier clf) {
        DocumentAnalyzer analyzer = new DocumentAnalyzer(clf);
        Map<String, Object[]> out = new TreeMap<>();
        for (Map.Entry<String, String> a : articles.entrySet()) {
            DocumentAnalysis d = analyzer.analyze(a.getKey(), a.getValue());
            for (AnalyzedSentence s : d.sentences()) {
                Map<String, Double> scores = new TreeMap<>();
                for (Map.Entry<Label, Double> e : s.prediction().scores().entrySet()) {
                    scores.put(e.getKey().name(), e.getValue());
                }
                out.put(a.getKey() + "#" + s.index(), new Object[] {s.span().start(), s.span().end(),
                        s.speaker() == null ? null : s.speakerText(), s.text(), s.prediction().labelNames(), scores});
            }
        }
        return out;
    }

    static Map<String, Object[]> actual(List<Row> rows) {
        Map<String, Object[]> out = new TreeMap<>();
        for (Row r : rows) {
            Map<String, Double> scores = new TreeMap<>(r.<String, Double>getJavaMap(r.fieldIndex("scores")));
            List<String> labels = new ArrayList<>(r.<String>getList(r.fieldIndex("labels")));
            Object prev = out.put(r.getString(0) + "#" + ((Number) r.get(1)).intValue(), new Object[] {((Number) r.get(2)).intValue(),
                    ((Number) r.get(3)).intValue(), r.isNullAt(4) ? null : r.getString(4), r.getString(5), labels, scores});
            assertEquals(null, prev, "one row per sentence");
        }
        return out;
    }

    static void assertSame(Map<String, Object[]> want, Map<String, Object[]> got) {
        assertEquals(want.keySet(), got.keySet());
        for (String k : want.keySet()) {
            Object[] w = want.get(k);
            Object[] g = got.get(k);
            for (int i = 0; i < w.length; i++) {
                assertEquals(w[i], g[i], k + " field " + i);
            }
        }
    }

    @Test
    void defaultModelGivesTheSingleMachineRows() {
        StructType schema = new StructType().add("id", DataTypes.StringType).add("text", DataTypes.StringType);
        List<Row> docs = articles.entrySet().stream().map(e -> RowFactory.create(e.getKey(), e.getValue())).toList();
        Dataset<Row> in = spark.createDataFrame(docs, schema).repartition(3);
        ModelRef ref = ModelRef.named("default");
        Dataset<Row> out = ParleyTagger.tagDocuments(in, "id", "text", ref);
        assertEquals(List.of("doc", "sentence", "start", "end", "speaker", "text", "labels", "scores"), List.of(out.columns()));
        Map<String, Object[]> got = actual(out.collectAsList());
        assertTrue(got.size() > 300, "the sentences of the 12 test articles: " + got.size());
        Map<String, Object[]> want;
        try (StanceClassifier clf = Parley.load()) {
            want = expected(clf);
        }
        assertSame(want, got);
        assertEquals(1, ExecutorModels.loads(ref), "one model per executor JVM, shared by the task threads");
    }

    @Test
    void stanceSparkWritesTheClassifyDocumentFields(@TempDir Path tmp) throws IOException {
        Path outDir = tmp.resolve("out");
        StringWriter err = new StringWriter();
        int code = SparkJob.run(new String[] {"--document", "--model", "fast", "--format", "jsonl", "--output", outDir.toString(),
                ARTICLES.toString()}, new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        assertTrue(Files.exists(outDir.resolve("_SUCCESS")));
        List<String> lines = new ArrayList<>();
        try (Stream<Path> parts = Files.list(outDir)) {
            for (Path p : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                lines.addAll(Files.readAllLines(p));
            }
        }
        assertTrue(lines.size() > 300, "one line per sentence: " + lines.size());
        assertTrue(lines.get(0).startsWith("{\"doc\":"), lines.get(0));
        for (String field : List.of("\"sentence\":", "\"start\":", "\"end\":", "\"speaker\":", "\"text\":", "\"labels\":[", "\"scores\":{")) {
            assertTrue(lines.get(0).contains(field), field + " in " + lines.get(0));
        }
        Dataset<Row> back = spark.read().schema(Schemas.documents(new StructType().add("id", DataTypes.StringType)
                .add("text", DataTypes.StringType), "id", "text", "labels", "scores")).json(outDir.toString());
        Map<String, Object[]> want;
        try (StanceClassifier clf = Parley.load("fast")) {
            want = expected(clf);
        }
        assertSame(want, actual(back.collectAsList()));
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(outDir), left.toList(), "no temporary directory left");
        }
    }

    @Test
    void csvOutputHasOneScoreColumnPerLabel(@TempDir Path tmp) throws IOException {
        Path outDir = tmp.resolve("csv");
        StringWriter err = new StringWriter();
        Path article = ARTICLES.resolve("a-05-cyprus-leaders-meeting.txt");
        int code = SparkJob.run(new String[] {"--document", "-m", "fast", "--format", "csv", "-o", outDir.toString(), article.toString()},
                new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        Dataset<Row> back = spark.read().option("header", "true").csv(outDir.toString());
        List<String> cols = new ArrayList<>(List.of("doc", "sentence", "start", "end", "speaker", "text", "labels"));
        cols.addAll(org.parley.core.LabelSet.standard().names());
        assertEquals(cols, List.of(back.columns()));
        assertFalse(back.isEmpty());
    }
}
