package org.parley.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.Label;
import org.parley.core.Parley;
import org.parley.core.Prediction;
import org.parley.core.StanceClassifier;

/** Sentence mode through the Transformer (in a Pipeline) and the static API, with the fast model. */
class SentenceModeTest {

    static final List<String> SENTENCES = List.of(
            "Ankara stands ready to host the leaders and keeps its channels to both capitals open.",
            "The ministry condemned the strike on the power plant as a violation of international law.",
            "Both sides agreed to a ceasefire starting at midnight.",
            "",
            "The EU adopted a new package of sanctions against the regime.",
            "Aid convoys reached the besieged city for the first time in weeks.");

    static SparkSession spark;

    @BeforeAll
    static void setUp() {
        spark = TestSpark.get();
    }

    static Dataset<Row> frame(List<String> texts) {
        StructType schema = new StructType().add("n", DataTypes.IntegerType).add("sentence", DataTypes.StringType);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            rows.add(RowFactory.create(i, texts.get(i)));
        }
        return spark.createDataFrame(rows, schema).repartition(2);
    }

    @Test
    void transformerInAPipelineMatchesClassify(@TempDir Path tmp) throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            texts.addAll(SENTENCES);
        }
        StanceTransformer tagger = new StanceTransformer().setInputCol("sentence").setOutputCol("stance")
                .setScoresCol("p").setModel("fast").setBatchSize(7);
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {tagger});
        Dataset<Row> in = frame(texts);
        PipelineModel fitted = pipeline.fit(in);
        Dataset<Row> out = fitted.transform(in);
        assertEquals(List.of("n", "sentence", "stance", "p"), Arrays.asList(out.columns()));
        assertEquals(Schemas.LABELS, out.schema().apply("stance").dataType());
        assertEquals(Schemas.SCORES, out.schema().apply("p").dataType());
        List<Row> rows = out.collectAsList();
        assertEquals(texts.size(), rows.size());
        try (StanceClassifier clf = Parley.load("fast")) {
            for (Row r : rows) {
                Prediction want = clf.classify(r.getString(1));
                assertEquals(want.labelNames(), r.getList(2), r.getString(1));
                Map<String, Double> scores = r.getJavaMap(3);
                assertEquals(want.scores().size(), scores.size());
                for (Map.Entry<Label, Double> e : want.scores().entrySet()) {
                    assertEquals(e.getValue(), scores.get(e.getKey().name()), 1e-12);
                }
            }
        }
        // parameters survive save and load
        Path saved = tmp.resolve("tagger");
        tagger.write().save(saved.toString());
        StanceTransformer back = StanceTransformer.load(saved.toString());
        assertEquals("sentence", back.getInputCol());
        assertEquals("fast", back.getModel());
        assertEquals(7, back.getBatchSize());
        assertEquals(tagger.uid(), back.uid());
    }

    @Test
    void staticApiIsLazyAndKeepsNulls() {
        StructType schema = new StructType().add("text", DataTypes.StringType);
        Dataset<Row> in = spark.createDataFrame(List.of(RowFactory.create("Talks resumed in Geneva."), RowFactory.create((Object) null)), schema);
        ModelRef ref = ModelRef.named("fast");
        Dataset<Row> out = ParleyTagger.tagSentences(in, "text", ref);
        List<Row> rows = out.collectAsList();
        assertFalse(rows.get(0).isNullAt(1));
        assertTrue(rows.get(1).isNullAt(1));
        assertNull(rows.get(1).get(2));
        assertEquals(List.of(Label.STANDARD.stream().map(Label::name).toArray()), List.of(ParleyTagger.labelNames(spark, ref).toArray()));
    }

    @Test
    void nothingIsLoadedBeforeAnAction() {
        ModelRef ref = ModelRef.named("fast");   // a name never used in this JVM would be needed to see a first load; check laziness of a bad name
        ModelRef missing = ModelRef.named("no-such-model");
        Dataset<Row> out = ParleyTagger.tagSentences(frame(SENTENCES), "sentence", missing.isFile() ? ref : missing);
        assertFalse(ExecutorModels.isLoaded(missing), "building the plan loads nothing");
        Exception e = assertThrows(Exception.class, out::collectAsList);
        assertTrue(SparkJob.message(e).contains("No model named 'no-such-model'"), SparkJob.message(e));
    }

    @Test
    void badColumnsAreRefusedWhenThePlanIsBuilt() {
        Dataset<Row> in = frame(SENTENCES);
        assertThrows(IllegalArgumentException.class, () -> new StanceTransformer().transform(in));   // no column "text"
        assertThrows(IllegalArgumentException.class, () -> new StanceTransformer().setInputCol("n").transform(in));   // not a string
        assertThrows(IllegalArgumentException.class, () -> new StanceTransformer().setInputCol("sentence").setOutputCol("n").transform(in));
        assertThrows(IllegalArgumentException.class, () -> new StanceTransformer().setMode("document").setInputCol("sentence").transform(in));
    }
}
