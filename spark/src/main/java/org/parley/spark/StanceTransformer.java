package org.parley.spark;

import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Parley as a Spark ML {@link Transformer}, usable alone or as a stage of a {@code Pipeline}.
 *
 * <pre>{@code
 * StanceTransformer tagger = new StanceTransformer()
 *         .setInputCol("text").setOutputCol("labels").setScoresCol("scores")
 *         .setModel("default")            // a shipped model, or a path to an archive (distributed with addFile)
 *         .setBatchSize(256);
 * Dataset<Row> tagged = tagger.transform(df);
 * Dataset<Row> sentences = tagger.setMode("document").setIdCol("id").transform(docs);
 * }</pre>
 *
 * <ul>
 *   <li>{@code mode = "sentence"} (default): every input row plus {@code outputCol} (labels,
 *       {@code array<string>}) and {@code scoresCol} ({@code map<string,double>}).</li>
 *   <li>{@code mode = "document"}: one row per sentence of each (idCol, inputCol) document with the
 *       fields of {@code stance classify --document --format jsonl}: doc, sentence, start, end, speaker,
 *       text, outputCol, scoresCol.</li>
 * </ul>
 * See {@link ParleyTagger} for what runs where. Saved and loaded with {@code write().save(path)} and
 * {@link #load(String)} (its parameters only; a model file named by path must exist where it is loaded).
 */
public class StanceTransformer extends Transformer implements DefaultParamsWritable {

    private static final long serialVersionUID = 1L;

    private final String uid;
    private final Param<String> inputCol;
    private final Param<String> idCol;
    private final Param<String> outputCol;
    private final Param<String> scoresCol;
    private final Param<String> mode;
    private final Param<String> model;
    private final IntParam batchSize;

    public StanceTransformer() {
        this(Identifiable$.MODULE$.randomUID("parleyStance"));
    }

    public StanceTransformer(String uid) {
        this.uid = uid;
        inputCol = new Param<>(this, "inputCol", "the text column: a sentence (sentence mode) or a document (document mode)");
        idCol = new Param<>(this, "idCol", "the document id column (document mode)");
        outputCol = new Param<>(this, "outputCol", "the labels column produced: array<string>, best first");
        scoresCol = new Param<>(this, "scoresCol", "the scores column produced: map<string,double>, one probability per label");
        mode = new Param<>(this, "mode", "sentence: a text per row; document: one output row per sentence of each document",
                ParamValidators.inArray(new String[] {"sentence", "document"}));
        model = new Param<>(this, "model", "a shipped model name (default, fast) or a model archive path (containing '/' or ending in .zip)");
        batchSize = new IntParam(this, "batchSize", "sentences per classifyAll call (sentence mode)", ParamValidators.gtEq(1));
        setDefault(inputCol, "text");
        setDefault(idCol, "id");
        setDefault(outputCol, "labels");
        setDefault(scoresCol, "scores");
        setDefault(mode, "sentence");
        setDefault(model, "default");
        setDefault(batchSize, ParleyTagger.DEFAULT_BATCH_SIZE);
    }

    @Override
    public String uid() {
        return uid;
    }

    public Param<String> inputCol() {
        return inputCol;
    }

    public Param<String> idCol() {
        return idCol;
    }

    public Param<String> outputCol() {
        return outputCol;
    }

    public Param<String> scoresCol() {
        return scoresCol;
    }

    public Param<String> mode() {
        return mode;
    }

    public Param<String> model() {
        return model;
    }

    public IntParam batchSize() {
        return batchSize;
    }

    public StanceTransformer setInputCol(String v) {
        set(inputCol, v);
        return this;
    }

    public StanceTransformer setIdCol(String v) {
        set(idCol, v);
        return this;
    }

    public StanceTransformer setOutputCol(String v) {
        set(outputCol, v);
        return this;
    }

    public StanceTransformer setScoresCol(String v) {
        set(scoresCol, v);
        return this;
    }

    /** {@code "sentence"} or {@code "document"}. */
    public StanceTransformer setMode(String v) {
        set(mode, v);
        return this;
    }

    /** A shipped model name ({@code default}, {@code fast}) or the path of a model archive. */
    public StanceTransformer setModel(String v) {
        set(model, v);
        return this;
    }

    public StanceTransformer setBatchSize(int v) {
        set(batchSize, v);
        return this;
    }

    public String getInputCol() {
        return getOrDefault(inputCol);
    }

    public String getIdCol() {
        return getOrDefault(idCol);
    }

    public String getOutputCol() {
        return getOrDefault(outputCol);
    }

    public String getScoresCol() {
        return getOrDefault(scoresCol);
    }

    public String getMode() {
        return getOrDefault(mode);
    }

    public String getModel() {
        return getOrDefault(model);
    }

    public int getBatchSize() {
        return (Integer) getOrDefault(batchSize);
    }

    private boolean documentMode() {
        return "document".equals(getMode());
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        @SuppressWarnings("unchecked")
        Dataset<Row> rows = (Dataset<Row>) dataset.toDF();
        ModelRef ref = ModelRef.of(dataset.sparkSession(), getModel());
        return documentMode()
                ? ParleyTagger.tagDocuments(rows, getIdCol(), getInputCol(), getOutputCol(), getScoresCol(), ref)
                : ParleyTagger.tagSentences(rows, getInputCol(), getOutputCol(), getScoresCol(), ref, getBatchSize());
    }

    @Override
    public StructType transformSchema(StructType schema) {
        return documentMode()
                ? Schemas.documents(schema, getIdCol(), getInputCol(), getOutputCol(), getScoresCol())
                : Schemas.sentences(schema, getInputCol(), getOutputCol(), getScoresCol());
    }

    @Override
    public StanceTransformer copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    public static MLReader<StanceTransformer> read() {
        return new DefaultParamsReader<>();
    }

    public static StanceTransformer load(String path) {
        return read().load(path);
    }
}
