package org.parley.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.Corpus;
import org.parley.core.DocumentAnalyzer;
import org.parley.core.LabelSet;
import org.parley.core.LabeledSentence;
import org.parley.core.Parley;
import org.parley.core.StanceClassifier;

/** The suite's non-timing logic: the OpenNLP peer, the Markdown report, the article. */
class BenchmarksTest {

    @Test
    void openNlpPeerTrainsOnATinyCorpusCachesAndPredicts(@TempDir Path dir) {
        List<LabeledSentence> s = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            s.add(LabeledSentence.of("The ministry strongly condemns the shelling of the city " + i + ".", Set.of("CONDEMNATION")));
            s.add(LabeledSentence.of("We call for an immediate ceasefire in the region " + i + ".", Set.of("CEASEFIRE_CALL")));
            s.add(LabeledSentence.of("The weather in the capital was mild on day " + i + ".", Set.of()));
        }
        Corpus train = Corpus.of(s);
        LabelSet labels = LabelSet.ofNames(List.of("CONDEMNATION", "CEASEFIRE_CALL", "MILITARY_SUPPORT"));

        OpenNlpPeer trained = OpenNlpPeer.cached(train, labels, dir);
        assertEquals(List.of("CONDEMNATION", "CEASEFIRE_CALL"), trained.labels(), "a label without examples gets no model");
        OpenNlpPeer.Categorizer c = trained.newCategorizer();
        assertEquals(Set.of("CONDEMNATION"), c.labelsOf("The ministry strongly condemns the shelling."));
        assertEquals(Set.of("CEASEFIRE_CALL"), c.labelsOf("We call for an immediate ceasefire."));
        assertEquals(Set.of(), c.labelsOf("The weather was mild."));

        OpenNlpPeer reloaded = OpenNlpPeer.cached(train, labels, dir);
        List<String> probe = List.of("The ministry strongly condemns the shelling.", "We call for an immediate ceasefire.");
        assertEquals(trained.newCategorizer().labelsOf(probe), reloaded.newCategorizer().labelsOf(probe));
        assertEquals(trained.labels(), OpenNlpPeer.load(dir).labels());
    }

    @Test
    void reportHasARowForEverySystemAndMarksTargets() {
        Results r = new Results("full");
        r.machine = new Machine("Test CPU", 2, "8.0 GiB", "Test OS", "Test Java", "2030-01-01 00:00 UTC", "abc123");
        r.testSentences = 100;
        r.testConflicts = 3;
        r.articleSentences = 30;
        double speed = 1_000;
        for (String system : Systems.ALL) {
            Results.Row row = r.row(system);
            row.accuracy = new Accuracy.Score(0.5, 0.6);
            for (int b : ResultsReport.BATCHES) {
                for (int t : ResultsReport.THREADS) {
                    row.sentencesPerSecond.put(Results.cell(b, t), speed * t);
                }
            }
            for (int t : ResultsReport.THREADS) {
                row.p50Ms.put(t, 0.1 * t);
                row.p99Ms.put(t, 0.5 * t);
            }
            row.loadMeanS = 1.0;
            row.loadMinS = 0.9;
            row.loadMaxS = 1.1;
            row.memory = new MemoryProbe.Memory(10 << 20, 20 << 20, 11 << 20, 21 << 20);
            speed *= 2;
        }
        r.articlesPerSecond.put(Systems.FAST, 100.0);
        r.articlesPerSecond.put(Systems.DEFAULT, 2.0);
        r.headOnlySentencesPerSecond.put(256, 5_000.0);

        String md = ResultsReport.markdown(r);
        String accuracyTable = md.substring(md.indexOf("## Accuracy and speed"), md.indexOf("## Throughput by batch"));
        for (String system : Systems.ALL) {
            String row = "| " + ResultsReport.displayName(system) + " | 0.500";
            assertTrue(accuracyTable.contains(row), "accuracy table row for " + system + ":\n" + accuracyTable);
        }
        assertTrue(accuracyTable.contains("0.500 ¹") && accuracyTable.contains("zero-shot cosine"), "bare encoder marked");
        assertTrue(md.contains("| 256 | 2 | 4,000 | 32,000 | 0.125 |"), "default/bare-encoder ratio row:\n" + md);
        assertTrue(md.contains("| Parley default | 0.100 | 0.500 | 0.200 | 1.000 |"), "latency row:\n" + md);
        String targets = md.substring(md.indexOf("## Targets"), md.indexOf("## Method"));
        assertTrue(targets.contains("| fast ≥ 20,000 sentences/s at batch 256 (1 thread) | 1,000 sentences/s | **missed** |"), targets);
        assertTrue(targets.contains("| fast p50 latency < 0.2 ms (1 thread) | 0.100 ms | met |"), targets);
        assertTrue(targets.contains("| default load < 2 s | 1.00 s | met |"), targets);
        assertTrue(md.contains("- CPU: Test CPU") && md.contains("./stance bench"), md);
        assertFalse(md.contains("null"), md);
    }

    @Test
    void reportSaysNotMeasuredForMissingCells() {
        Results r = new Results("quick");
        r.machine = new Machine("cpu", 2, "1 GiB", "os", "java", "date", "commit");
        String md = ResultsReport.markdown(r);
        for (String system : Systems.ALL) {
            assertTrue(md.contains("| " + ResultsReport.displayName(system) + " | n/a |"), system);
        }
        assertTrue(md.contains("| fast load < 2 s | not measured | not measured |"), md);
    }

    @Test
    void articleHasThirtySentences() {
        try (StanceClassifier fast = Parley.load(Systems.FAST)) {
            assertEquals(30, new DocumentAnalyzer(fast).sentences(Article.text()).size());
        }
    }
}
