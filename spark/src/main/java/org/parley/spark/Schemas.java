package org.parley.spark;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The columns Parley adds or produces. */
final class Schemas {

    private Schemas() {
    }

    /** {@code array<string>}: the predicted labels, best first. */
    static final org.apache.spark.sql.types.DataType LABELS = DataTypes.createArrayType(DataTypes.StringType, false);

    /** {@code map<string,double>}: one probability per label of the model, in the model's label order. */
    static final org.apache.spark.sql.types.DataType SCORES = DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType, false);

    /** The input schema with the labels and scores columns appended. */
    static StructType sentences(StructType in, String textCol, String labelsCol, String scoresCol) {
        checkText(in, textCol);
        for (String c : new String[] {labelsCol, scoresCol}) {
            if (java.util.Arrays.asList(in.fieldNames()).contains(c)) {
                throw new IllegalArgumentException("Output column \"" + c + "\" already exists in the input " + java.util.Arrays.toString(in.fieldNames()));
            }
        }
        if (labelsCol.equals(scoresCol)) {
            throw new IllegalArgumentException("The labels and scores columns must differ (both are \"" + labelsCol + "\")");
        }
        return in.add(labelsCol, LABELS, true).add(scoresCol, SCORES, true);
    }

    /**
     * One row per sentence, the fields of {@code stance classify --document --format jsonl}: doc, sentence,
     * start, end, speaker, text, labels, scores.
     */
    static StructType documents(StructType in, String idCol, String textCol, String labelsCol, String scoresCol) {
        checkText(in, textCol);
        if (!java.util.Arrays.asList(in.fieldNames()).contains(idCol)) {
            throw new IllegalArgumentException("No id column \"" + idCol + "\" in the input " + java.util.Arrays.toString(in.fieldNames()));
        }
        return new StructType(new StructField[] {
                DataTypes.createStructField("doc", DataTypes.StringType, false),
                DataTypes.createStructField("sentence", DataTypes.IntegerType, false),
                DataTypes.createStructField("start", DataTypes.IntegerType, false),
                DataTypes.createStructField("end", DataTypes.IntegerType, false),
                DataTypes.createStructField("speaker", DataTypes.StringType, true),
                DataTypes.createStructField("text", DataTypes.StringType, false),
                DataTypes.createStructField(labelsCol, LABELS, false),
                DataTypes.createStructField(scoresCol, SCORES, false)});
    }

    private static void checkText(StructType in, String textCol) {
        if (!java.util.Arrays.asList(in.fieldNames()).contains(textCol)) {
            throw new IllegalArgumentException("No text column \"" + textCol + "\" in the input " + java.util.Arrays.toString(in.fieldNames()));
        }
        if (!in.apply(textCol).dataType().equals(DataTypes.StringType)) {
            throw new IllegalArgumentException("The text column \"" + textCol + "\" is " + in.apply(textCol).dataType().simpleString()
                    + ", expected string");
        }
    }
}
