package org.parley.spark.examples;

import java.util.List;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.parley.spark.ModelRef;
import org.parley.spark.ParleyTagger;
import org.parley.spark.SparkJob;
import org.parley.spark.StanceTransformer;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.regexp_extract;

/**
 * Tags sentences and whole articles on Apache Spark: the Spark ML Transformer in a Pipeline (sentence
 * mode), then the static API in document mode on a folder of .txt articles, and a per-article count of
 * each label.
 *
 * <pre>
 * ./stance example SparkTagging [FOLDER] [MASTER]      # local[*] by default; FOLDER default examples/articles/test
 * spark-submit --class org.parley.spark.examples.SparkTagging spark/target/parley-spark-0.2.0-SNAPSHOT-job.jar hdfs:///articles
 * </pre>
 */
public final class SparkTagging {

    private SparkTagging() {
    }

    public static void main(String[] args) {
        String folder = args.length > 0 ? args[0] : "examples/articles/test";
        SparkSession.Builder builder = SparkSession.builder().appName("parley-spark-example");
        if (args.length > 1) {
            builder.master(args[1]);
        } else if (System.getProperty("spark.master") == null) {
            SparkJob.quietLogging(true);   // run from ./stance example: warnings only
            builder.master("local[*]").config("spark.ui.enabled", "false");
        }
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        try {
            // 1. Sentence mode, as a stage of a Spark ML Pipeline: a text column in, labels and scores out.
            StructType schema = new StructType().add("id", DataTypes.StringType).add("text", DataTypes.StringType);
            Dataset<Row> sentences = spark.createDataFrame(List.of(
                    RowFactory.create("s1", "Ankara stands ready to host the leaders and keeps its channels to both capitals open."),
                    RowFactory.create("s2", "The ministry condemned the shelling of the port and called for an immediate ceasefire."),
                    RowFactory.create("s3", "Washington announced a new package of air-defence systems for Kyiv.")), schema);
            StanceTransformer tagger = new StanceTransformer().setInputCol("text").setOutputCol("labels").setModel("fast");
            Dataset<Row> tagged = new Pipeline().setStages(new PipelineStage[] {tagger}).fit(sentences).transform(sentences);
            tagged.select("id", "labels").show(false);

            // 2. Document mode without Spark ML: one row per sentence (doc, sentence, start, end, speaker, text, labels, scores).
            Dataset<Row> docs = spark.read().option("wholetext", "true").option("pathGlobFilter", "*.txt").text(folder)
                    .withColumn("id", regexp_extract(input_file_name(), "[^/]+$", 0));   // the file name
            Dataset<Row> rows = ParleyTagger.tagDocuments(docs, "id", "value", ModelRef.named("fast"));
            rows.select("doc", "sentence", "speaker", "labels").show(5, 60);

            // 3. How often each article uses each label.
            rows.select(col("doc"), explode(col("labels")).as("label"))
                    .groupBy("doc", "label").agg(count("*").as("sentences"))
                    .orderBy(col("doc"), col("sentences").desc())
                    .show(20, false);
        } finally {
            spark.stop();
        }
    }
}
