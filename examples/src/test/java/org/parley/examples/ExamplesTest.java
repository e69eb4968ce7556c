package org.parley.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.Evaluation;
import org.parley.core.Parley;
import org.parley.core.Prediction;
import org.parley.core.StanceClassifier;

/** Every example program runs and does what its javadoc says. */
class ExamplesTest {

    @Test
    void classifySentences() {
        List<Prediction> p = ClassifySentences.run("default", List.of(
                "Ankara stands ready to host the leaders and keeps its channels to both capitals open.", ""));
        assertEquals(2, p.size());
        assertTrue(p.get(0).has("MEDIATION_OFFER"), p.get(0).labelNames().toString());
        assertTrue(p.get(1).labels().isEmpty());
    }

    @Test
    void analyzeArticle(@TempDir Path dir) throws Exception {
        Path article = dir.resolve("article.txt");
        String text = "Envoy offers to host talks\n\nOSLO, Feb. 24 — Norway stands ready to host the next round, "
                + "Foreign Minister Ana Ruiz said on Monday. \"We will keep our channels to both capitals open,\" she added.\n";
        Files.writeString(article, text);
        org.parley.core.DocumentAnalysis a = AnalyzeArticle.run("fast", article);
        assertEquals(3, a.sentences().size());
        assertEquals("Foreign Minister Ana Ruiz", a.sentences().get(1).speakerText());
        assertEquals("Foreign Minister Ana Ruiz", a.sentences().get(2).speakerText());
        for (org.parley.core.AnalyzedSentence s : a.sentences()) {
            assertEquals(s.text(), text.substring(s.span().start(), s.span().end()));
        }
        assertTrue(a.sentences().get(1).prediction().has("MEDIATION_OFFER"), a.sentences().get(1).prediction().labelNames().toString());
        assertEquals(a.sentences().size(), a.profile().sentences());
    }

    @Test
    void evaluateAnnotations(@TempDir Path dir) throws Exception {
        Path gold = dir.resolve("gold.tsv");
        Files.writeString(gold, "text\tlabels\nThe EU imposed new sanctions on the bank.\tSANCTIONS_PRESSURE\n"
                + "The ministry strongly condemned the massacre of civilians.\tCONDEMNATION,HUMANITARIAN_CONCERN\n");
        Evaluation ev = EvaluateAnnotations.run("fast", gold);
        assertEquals(2, ev.sentences());
        assertEquals(1, ev.label("SANCTIONS_PRESSURE").support());
    }

    @Test
    void trainOwnLabels(@TempDir Path dir) {
        Path out = dir.resolve("own.zip");
        try (StanceClassifier clf = TrainOwnLabels.run(TrainOwnLabels.exampleCorpus(), out)) {
            assertEquals(List.of("DEADLINE", "PRECONDITION", "VENUE"), clf.labels().names());
            try (StanceClassifier loaded = Parley.load(out)) {
                String s = "The talks will be held in Geneva.";
                assertEquals(clf.classify(s), loaded.classify(s));
            }
        }
    }

    @Test
    void sharedClassifierService() throws Exception {
        List<String> requests = List.of("Norway offered to host a new round of talks.", "Aid convoys reached the town.",
                "The council imposed an arms embargo on the militia.");
        try (SharedClassifierService service = new SharedClassifierService("fast", 4);
             StanceClassifier single = Parley.load("fast")) {
            assertEquals(single.classifyAll(requests), service.handle(requests));
        }
    }
}
