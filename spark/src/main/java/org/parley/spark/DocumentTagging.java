package org.parley.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.parley.core.AnalyzedSentence;
import org.parley.core.DocumentAnalysis;
import org.parley.core.DocumentAnalyzer;
import org.parley.core.json.Safe;

/**
 * Document mode, one partition at a time: each (id, text) row is analysed by a {@link DocumentAnalyzer}
 * over the executor's shared model (all sentences of a document go through one {@code classifyAll}
 * call) and becomes one row per sentence: doc, sentence, start, end, speaker, text, labels, scores —
 * exactly what {@code analyze(id, text)} returns on a single machine. A null id or text is a
 * {@link MalformedInputException}.
 */
final class DocumentTagging implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final ModelRef model;
    private final int idAt;
    private final int textAt;

    DocumentTagging(ModelRef model, int idAt, int textAt) {
        this.model = model;
        this.idAt = idAt;
        this.textAt = textAt;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        return new Iterator<>() {
            private final List<Row> out = new ArrayList<>();
            private int next;
            private DocumentAnalyzer analyzer;

            @Override
            public boolean hasNext() {
                while (next >= out.size()) {
                    out.clear();
                    next = 0;
                    if (!rows.hasNext()) {
                        return false;
                    }
                    Row r = rows.next();
                    if (r.isNullAt(idAt)) {
                        throw new MalformedInputException("a document has a null id (its text begins \""
                                + (r.isNullAt(textAt) ? "" : Safe.cap(oneLine(r.get(textAt).toString()), 60)) + "\")");
                    }
                    String id = r.get(idAt).toString();
                    if (r.isNullAt(textAt)) {
                        throw new MalformedInputException("document \"" + Safe.cap(oneLine(id), 80) + "\": the text is null");
                    }
                    if (analyzer == null) {
                        analyzer = new DocumentAnalyzer(ExecutorModels.get(model));
                    }
                    DocumentAnalysis a = analyzer.analyze(id, r.getString(textAt));
                    for (AnalyzedSentence s : a.sentences()) {
                        out.add(RowFactory.create(id, s.index(), s.span().start(), s.span().end(),
                                s.speaker() == null ? null : s.speakerText(), s.text(),
                                SentenceTagging.labels(s.prediction()), SentenceTagging.scores(s.prediction())));
                    }
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

    static String oneLine(String s) {
        return s.replaceAll("[\\p{Cntrl}\\u2028\\u2029]", " ");
    }
}
