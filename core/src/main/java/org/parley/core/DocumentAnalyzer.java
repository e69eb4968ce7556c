package org.parley.core;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.parley.core.concurrent.OrderedParallel;

import org.parley.core.document.SentenceSplitter;
import org.parley.core.document.SpeakerAttributor;

/**
 * Analyses whole articles: splits the text into sentences (news-aware: abbreviations, initials,
 * decimals, quotations, headlines, datelines, bullet lists), classifies them in one batch, finds who
 * says each sentence when the text names them, and summarises the labels in a {@link DocumentProfile}.
 *
 * <pre>{@code
 * try (StanceClassifier clf = Parley.load()) {
 *     DocumentAnalyzer analyzer = new DocumentAnalyzer(clf);
 *     DocumentAnalysis a = analyzer.analyze("article-17", articleText);
 *     for (AnalyzedSentence s : a.sentences()) { ... s.span().start(), s.prediction().labels(), s.speakerText() ... }
 * }
 * }</pre>
 *
 * <p>Only the first {@link #MAX_CHARS} characters of a document are analysed (documented truncation
 * keeps time and memory bounded); sentences longer than the classifier's limit are classified on their
 * start, as {@link StanceClassifier#classify} does. The analyzer does not own the classifier: closing it
 * is the caller's job. Thread-safe: share one analyzer across threads.
 *
 * <p>For many documents, {@link #analyzeAll(List, int)} and {@link #analyzeEach(Iterator, int, Consumer)}
 * use several threads sharing the one classifier and return exactly what {@link #analyze(String, String)}
 * returns for each document, in input order.
 */
public final class DocumentAnalyzer {

    /** Longest document read, in characters (about 300 pages of text); the rest is ignored. */
    public static final int MAX_CHARS = 1_000_000;

    private final StanceClassifier classifier;
    private final SentenceSplitter splitter = new SentenceSplitter();
    private final SpeakerAttributor attributor = new SpeakerAttributor();

    public DocumentAnalyzer(StanceClassifier classifier) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
    }

    /** Analyses a document without a name. */
    public DocumentAnalysis analyze(String text) {
        return analyze("", text);
    }

    /**
     * Analyses one document.
     *
     * @param id   the document's name, carried into the result (e.g. a file name)
     * @param text the document; {@code null} is refused, empty text gives no sentences
     */
    public DocumentAnalysis analyze(String id, String text) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        String doc = truncated(text);
        List<int[]> spans = splitter.split(doc);
        List<String> sentences = new ArrayList<>(spans.size());
        for (int[] s : spans) {
            sentences.add(doc.substring(s[0], s[1]));
        }
        List<Prediction> predictions = classifier.classifyAll(sentences);
        int[][] speakers = attributor.attribute(doc, spans);
        List<AnalyzedSentence> out = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            TextSpan speaker = speakers[i] == null ? null : TextSpan.of(doc, speakers[i][0], speakers[i][1]);
            out.add(new AnalyzedSentence(i, TextSpan.of(doc, spans.get(i)[0], spans.get(i)[1]), predictions.get(i), speaker));
        }
        return new DocumentAnalysis(id, doc, out, DocumentProfile.of(classifier.labels(), out));
    }

    /**
     * Analyses documents on {@code threads} threads; the result has one analysis per document, in order,
     * each equal to {@link #analyze(String, String)} of that document.
     */
    public List<DocumentAnalysis> analyzeAll(List<Document> documents, int threads) {
        Objects.requireNonNull(documents, "documents");
        List<DocumentAnalysis> out = new ArrayList<>(documents.size());
        analyzeEach(documents.iterator(), threads, out::add);
        return out;
    }

    /**
     * Analyses a stream of documents on {@code threads} threads and hands each analysis to {@code sink}
     * on the calling thread, in input order; at most {@code 2 * threads} documents are held at once, so
     * memory stays flat on corpora of any size. Use {@link OrderedParallel#allCores()} for every core.
     *
     * @throws RuntimeException the first exception the analysis or {@code sink} threw; the run stops there
     */
    public void analyzeEach(Iterator<Document> documents, int threads, Consumer<? super DocumentAnalysis> sink) {
        OrderedParallel.map(documents, d -> analyze(d.id(), d.text()), threads, 2 * threads, sink);
    }

    /** The sentences of a document as spans, without classifying them. */
    public List<TextSpan> sentences(String text) {
        Objects.requireNonNull(text, "text");
        String doc = truncated(text);
        List<TextSpan> out = new ArrayList<>();
        for (int[] s : splitter.split(doc)) {
            out.add(TextSpan.of(doc, s[0], s[1]));
        }
        return out;
    }

    /** The model this analyzer classifies with. */
    public StanceClassifier classifier() {
        return classifier;
    }

    /** The first MAX_CHARS characters, moved back so a surrogate pair is not cut in half. */
    private static String truncated(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        return text.substring(0, Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS);
    }
}
