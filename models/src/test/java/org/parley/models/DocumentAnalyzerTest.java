package org.parley.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.core.AnalyzedSentence;
import org.parley.core.DocumentAnalysis;
import org.parley.core.DocumentAnalyzer;
import org.parley.core.DocumentProfile;
import org.parley.core.Parley;
import org.parley.core.StanceClassifier;

/** DocumentAnalyzer with a shipped model: offsets, predictions, profile, bounds and sharing. */
class DocumentAnalyzerTest {

    private static final String ARTICLE = "Kenya offers to mediate as truce holds\n\n"
            + "NAIROBI, Feb. 24 — Kenya stands ready to host the next round of talks, Foreign Minister Ana Ruiz said on Monday. "
            + "\"We will keep our channels to both capitals open,\" she added.\n\n"
            + "The council condemned the shelling of the hospital and called for an immediate ceasefire.\n"
            + "- Aid convoys reached the town on Tuesday.\n";

    private static StanceClassifier clf;
    private static DocumentAnalyzer analyzer;

    @BeforeAll
    static void load() {
        clf = Parley.load("fast");
        analyzer = new DocumentAnalyzer(clf);
    }

    @AfterAll
    static void close() {
        clf.close();
    }

    @Test
    void sentencesCarryOffsetsPredictionsAndSpeakers() {
        DocumentAnalysis a = analyzer.analyze("kenya", ARTICLE);
        assertEquals("kenya", a.id());
        List<AnalyzedSentence> s = a.sentences();
        assertEquals(5, s.size());
        for (int i = 0; i < s.size(); i++) {
            AnalyzedSentence x = s.get(i);
            assertEquals(i, x.index());
            assertEquals(x.text(), ARTICLE.substring(x.span().start(), x.span().end()));
            assertEquals(clf.classify(x.text()), x.prediction(), "same as classifying the sentence alone");
            if (x.speaker() != null) {
                assertEquals(x.speakerText(), ARTICLE.substring(x.speaker().start(), x.speaker().end()));
            }
        }
        assertEquals("Aid convoys reached the town on Tuesday.", s.get(4).text(), "the bullet marker is not part of the sentence");
        assertEquals("Foreign Minister Ana Ruiz", s.get(1).speakerText());
        assertEquals("Foreign Minister Ana Ruiz", s.get(2).speakerText());
        assertTrue(s.get(0).speakerSpan().isEmpty());
    }

    @Test
    void profileCountsWhatTheSentencesCarry() {
        DocumentAnalysis a = analyzer.analyze("kenya", ARTICLE);
        DocumentProfile p = a.profile();
        assertEquals(a.sentences().size(), p.sentences());
        assertEquals(clf.labels().size(), p.labels().size());
        for (DocumentProfile.LabelProfile lp : p.labels()) {
            long count = a.sentences().stream().filter(s -> s.prediction().labels().contains(lp.label())).count();
            assertEquals(count, lp.count(), lp.label().name());
            assertEquals(count / (double) p.sentences(), lp.share(), 1e-12);
            assertEquals(Math.min(count, DocumentProfile.STRONGEST), lp.strongest().size());
            for (int i = 1; i < lp.strongest().size(); i++) {
                assertTrue(lp.strongest().get(i - 1).prediction().scores().get(lp.label())
                        >= lp.strongest().get(i).prediction().scores().get(lp.label()));
            }
        }
    }

    @Test
    void badInputIsRefusedOrBounded() {
        assertThrows(NullPointerException.class, () -> analyzer.analyze(null));
        assertThrows(NullPointerException.class, () -> analyzer.analyze(null, "text"));
        assertThrows(NullPointerException.class, () -> new DocumentAnalyzer(null));
        assertTrue(analyzer.analyze("").sentences().isEmpty());
        assertEquals(0, analyzer.analyze(" \n\t\n ").profile().sentences());
        String huge = "The envoy urged a truce. ".repeat(60_000) + "\uD83D\uDD4A";
        DocumentAnalysis a = analyzer.analyze("huge", huge);
        assertEquals(DocumentAnalyzer.MAX_CHARS, a.text().length());
        assertTrue(a.sentences().size() > 30_000);
        String pair = "a".repeat(DocumentAnalyzer.MAX_CHARS - 1) + "\uD83D\uDD4A";
        assertEquals(DocumentAnalyzer.MAX_CHARS - 1, analyzer.analyze(pair).text().length(), "a surrogate pair is never cut");
    }

    @Test
    void analyzeAllOnSeveralThreadsEqualsOneByOneInOrder() throws java.io.IOException {
        List<org.parley.core.Document> docs = new ArrayList<>();
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("../examples/articles/test"))) {
            for (java.nio.file.Path f : files.filter(x -> x.toString().endsWith(".txt")).sorted().toList()) {
                docs.add(new org.parley.core.Document(f.getFileName().toString(), java.nio.file.Files.readString(f)));
            }
        }
        assertTrue(docs.size() >= 10);
        List<DocumentAnalysis> parallel = analyzer.analyzeAll(docs, 3);
        assertEquals(docs.size(), parallel.size());
        for (int i = 0; i < docs.size(); i++) {
            assertEquals(analyzer.analyze(docs.get(i).id(), docs.get(i).text()), parallel.get(i), docs.get(i).id());
        }
    }

    @Test
    void oneAnalyzerSharedByEightThreadsGivesTheSameResults() throws Exception {
        List<String> docs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            docs.add(ARTICLE.replace("Monday", "day " + i));
        }
        List<DocumentAnalysis> expected = docs.stream().map(analyzer::analyze).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<DocumentAnalysis>>> f = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                f.add(pool.submit(() -> docs.stream().map(analyzer::analyze).toList()));
            }
            for (Future<List<DocumentAnalysis>> x : f) {
                assertEquals(expected, x.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
