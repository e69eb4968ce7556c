package org.parley.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.parley.core.Label;
import org.parley.core.Prediction;
import org.parley.core.StanceClassifier;

/**
 * Sentence mode, one partition at a time: reads up to {@code batchSize} rows, classifies their texts
 * with one {@code classifyAll} call on the executor's shared model, and emits each row with its labels
 * and scores appended. The partition is streamed, never held whole. A null text gives null labels and
 * scores.
 */
final class SentenceTagging implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final ModelRef model;
    private final int textAt;
    private final int batchSize;

    SentenceTagging(ModelRef model, int textAt, int batchSize) {
        this.model = model;
        this.textAt = textAt;
        this.batchSize = batchSize;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        return new Iterator<>() {
            private final List<Row> out = new ArrayList<>();
            private int next;
            private StanceClassifier clf;

            @Override
            public boolean hasNext() {
                if (next < out.size()) {
                    return true;
                }
                out.clear();
                next = 0;
                List<Row> batch = new ArrayList<>(batchSize);
                while (batch.size() < batchSize && rows.hasNext()) {
                    batch.add(rows.next());
                }
                if (batch.isEmpty()) {
                    return false;
                }
                List<String> texts = new ArrayList<>(batch.size());
                for (Row r : batch) {
                    if (!r.isNullAt(textAt)) {
                        texts.add(r.getString(textAt));
                    }
                }
                if (clf == null) {
                    clf = ExecutorModels.get(model);
                }
                List<Prediction> predictions = texts.isEmpty() ? List.of() : clf.classifyAll(texts);
                int p = 0;
                for (Row r : batch) {
                    Object[] values = new Object[r.length() + 2];
                    for (int i = 0; i < r.length(); i++) {
                        values[i] = r.get(i);
                    }
                    if (!r.isNullAt(textAt)) {
                        Prediction pr = predictions.get(p++);
                        values[r.length()] = labels(pr);
                        values[r.length() + 1] = scores(pr);
                    }
                    out.add(RowFactory.create(values));
                }
                return true;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return out.get(next++);
            }
        };
    }

    /** The labels as the external value of {@code array<string>}. */
    static String[] labels(Prediction p) {
        return p.labelNames().toArray(new String[0]);
    }

    /** The scores as the external value of {@code map<string,double>}, in the model's label order. */
    static scala.collection.Map<String, Double> scores(Prediction p) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (Map.Entry<Label, Double> e : p.scores().entrySet()) {
            m.put(e.getKey().name(), e.getValue());
        }
        return scala.jdk.javaapi.CollectionConverters.asScala(m);
    }
}
