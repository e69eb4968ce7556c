package org.parley.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.core.Corpus;
import org.parley.core.CorpusSplit;
import org.parley.core.Evaluation;
import org.parley.core.LabelSet;
import org.parley.core.LabeledSentence;
import org.parley.core.Parley;
import org.parley.core.StanceClassifier;

/**
 * Every shipped model loads from the classpath, was trained on the corpus in this repository, and
 * reproduces the development metrics recorded in its archive (the quality floor).
 */
class ShippedModelsTest {

    static final Path CORPUS = Path.of("corpus");

    @ParameterizedTest
    @ValueSource(strings = {"fast", "default"})
    void reproducesItsRecordedDevMetrics(String name) {
        CorpusSplit split = CorpusSplit.byConflict(Corpus.read(CORPUS, LabelSet.standard()), CORPUS.resolve("splits.tsv"));
        try (StanceClassifier clf = Parley.load(name)) {
            assertEquals(LabelSet.standard(), clf.labels());
            assertEquals(split.train().sha256(), clf.info().corpusSha256(),
                    "the model was trained on another version of the corpus: retrain it (see README, 'Reproducing the models')");
            List<LabeledSentence> dev = split.dev().sentences();
            Evaluation ev = Evaluation.ofPredictions(clf.labels(), dev, clf.classifyAll(dev.stream().map(LabeledSentence::text).toList()));
            double recorded = clf.info().dev().macroF1();
            assertEquals(recorded, ev.macroF1(), 1e-4, "dev macro-F1 differs from the value recorded at training time");
            assertEquals(clf.info().dev().microF1(), ev.microF1(), 1e-4);
            assertTrue(ev.macroF1() >= 0.6, "quality floor: dev macro-F1 " + ev.macroF1());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "default"})
    void tagsUnambiguousSentences(String name) {
        try (StanceClassifier clf = Parley.load(name)) {
            assertTrue(clf.classify("The foreign ministry strongly condemned the missile strike on the residential district.")
                    .has("CONDEMNATION"));
            assertTrue(clf.classify("The European Union imposed new sanctions and froze the assets of three banks.")
                    .has("SANCTIONS_PRESSURE"));
            assertTrue(clf.classify("Thousands of refugees fled across the border as aid agencies warned of famine.")
                    .has("HUMANITARIAN_CONCERN"));
            assertTrue(clf.classify("").labels().isEmpty());
        }
    }
}
