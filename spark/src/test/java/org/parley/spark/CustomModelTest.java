package org.parley.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.SparkFiles;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.Parley;
import org.parley.core.StanceClassifier;

/** A model archive given by path reaches the executors through Spark's file distribution and is the one used. */
class CustomModelTest {

    @Test
    void archiveIsDistributedWithAddFileAndLoadedOnce(@TempDir Path tmp) throws Exception {
        SparkSession spark = TestSpark.get();
        Path archive = tmp.resolve("my-stance-model.zip");
        try (StanceClassifier fast = Parley.load("fast")) {
            fast.save(archive);
        }
        StanceTransformer tagger = new StanceTransformer().setModel(archive.toString()).setBatchSize(3);
        StructType schema = new StructType().add("text", DataTypes.StringType);
        List<Row> rows = SentenceModeTest.SENTENCES.stream().map(s -> RowFactory.create(s)).toList();
        Dataset<Row> in = spark.createDataFrame(rows, schema).repartition(2);
        ModelRef ref = ModelRef.of(spark, archive.toString());
        assertTrue(ref.isFile());
        assertFalse(ExecutorModels.isLoaded(ref));
        List<Row> out = tagger.transform(in).collectAsList();
        assertEquals(1, ExecutorModels.loads(ref), "loaded once, from the executor's copy");
        Path shipped = Path.of(SparkFiles.get("my-stance-model.zip"));
        assertTrue(Files.isRegularFile(shipped), "the archive is in SparkFiles");
        assertFalse(shipped.toAbsolutePath().equals(archive.toAbsolutePath()), "a copy, not the driver's file");
        try (StanceClassifier clf = Parley.load(archive)) {
            for (Row r : out) {
                assertEquals(clf.classify(r.getString(0)).labelNames(), r.getList(1));
            }
        }
        // the command takes the same path
        Path outDir = tmp.resolve("out");
        StringWriter err = new StringWriter();
        int code = SparkJob.run(new String[] {"--document", "--model", archive.toString(), "--format", "parquet", "-o", outDir.toString(),
                DocumentModeTest.ARTICLES.resolve("c-03-india-pakistan-truce.txt").toString()}, new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        assertEquals(1, ExecutorModels.loads(ref), "still the one copy");
        assertTrue(spark.read().parquet(outDir.toString()).count() > 10);
    }
}
