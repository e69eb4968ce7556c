package org.parley.spark;

import java.util.List;
import java.util.Objects;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * Tags a Spark {@code Dataset<Row>} with Parley, for users who do not use Spark ML (the same work as
 * {@link StanceTransformer}).
 *
 * <pre>{@code
 * ModelRef model = ModelRef.named("default");                      // or ModelRef.file(spark, Path.of("mine.zip"))
 * Dataset<Row> tagged = ParleyTagger.tagSentences(df, "text", model);   // + labels array<string>, scores map<string,double>
 * Dataset<Row> sentences = ParleyTagger.tagDocuments(docs, "id", "text", model); // one row per sentence
 * }</pre>
 *
 * <p>Both are lazy transformations: nothing runs, and no model is loaded, until an action. Then each
 * partition is processed by {@code mapPartitions}, in batches, with the executor's one copy of the
 * model ({@link ExecutorModels}), loaded on the executor's first task and shared by its task threads.
 * The driver never loads a model (except in local mode, where the driver is the executor).
 */
public final class ParleyTagger {

    /** Sentences per {@code classifyAll} call in sentence mode. */
    public static final int DEFAULT_BATCH_SIZE = 256;

    private ParleyTagger() {
    }

    /** {@link #tagSentences(Dataset, String, String, String, ModelRef, int)} with columns {@code labels} and {@code scores}. */
    public static Dataset<Row> tagSentences(Dataset<Row> in, String textCol, ModelRef model) {
        return tagSentences(in, textCol, "labels", "scores", model, DEFAULT_BATCH_SIZE);
    }

    /**
     * Sentence mode: every input row, with its columns, plus the predicted labels ({@code array<string>},
     * best first) and one probability per label ({@code map<string,double>}, in the model's label order).
     * A null text gives null labels and scores.
     *
     * @throws IllegalArgumentException if the text column is missing or not a string, or an output column exists
     */
    public static Dataset<Row> tagSentences(Dataset<Row> in, String textCol, String labelsCol, String scoresCol,
            ModelRef model, int batchSize) {
        Objects.requireNonNull(model, "model");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        StructType out = Schemas.sentences(in.schema(), textCol, labelsCol, scoresCol);
        MapPartitionsFunction<Row, Row> f = new SentenceTagging(model, in.schema().fieldIndex(textCol), batchSize);
        return in.mapPartitions(f, Encoders.row(out));
    }

    /** {@link #tagDocuments(Dataset, String, String, String, String, ModelRef)} with columns {@code labels} and {@code scores}. */
    public static Dataset<Row> tagDocuments(Dataset<Row> in, String idCol, String textCol, ModelRef model) {
        return tagDocuments(in, idCol, textCol, "labels", "scores", model);
    }

    /**
     * Document mode: one row per sentence of each (id, text) document, with the fields of
     * {@code stance classify --document --format jsonl}: {@code doc, sentence, start, end, speaker, text,
     * labels, scores} — the sentence index, its character offsets in the document (Java {@code String}
     * indices), the speaker's text or null, the sentence, its labels and scores. Equal to
     * {@code new DocumentAnalyzer(clf).analyze(id, text)} on one machine. The id may be of any type
     * (it is cast to a string); a null id or text fails the job with a {@link MalformedInputException}.
     */
    public static Dataset<Row> tagDocuments(Dataset<Row> in, String idCol, String textCol, String labelsCol, String scoresCol,
            ModelRef model) {
        Objects.requireNonNull(model, "model");
        Schemas.documents(in.schema(), idCol, textCol, labelsCol, scoresCol);  // checks the columns
        Dataset<Row> docs = in.select(functions.col(idCol).cast("string").as("id"), functions.col(textCol).as("text"));
        StructType out = Schemas.documents(docs.schema(), "id", "text", labelsCol, scoresCol);
        return docs.mapPartitions(new DocumentTagging(model, 0, 1), Encoders.row(out));
    }

    /**
     * The model's label names in output order, read on an executor (which then keeps the model loaded
     * for the job that follows), so the driver does not load it.
     */
    public static List<String> labelNames(SparkSession spark, ModelRef model) {
        return spark.range(0, 1, 1, 1).mapPartitions(
                (MapPartitionsFunction<Long, String>) ignored -> ExecutorModels.get(model).labels().names().iterator(),
                Encoders.STRING()).collectAsList();
    }
}
