package org.parley.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.Corpus;
import org.parley.core.Evaluation;
import org.parley.core.LabeledSentence;
import org.parley.core.ModelInfo;
import org.parley.core.Parley;
import org.parley.core.Prediction;
import org.parley.core.StanceClassifier;
import org.parley.core.TestCorpus;
import org.parley.core.model.FastTextClassifier;

class TrainingTest {

    static TrainingConfig quickConfig() {
        return TrainingConfig.defaults().withBuckets(4096).withEmbeddingDim(16).withMaxEpochs(8).withModelName("test");
    }

    @Test
    void trainingConfigValidatesEveryField() {
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.defaults().withLearningRate(0));
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.defaults().withDropout(1.0));
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.defaults().withMaxEpochs(0));
        assertEquals(2, TrainingConfig.defaults().withMaxEpochs(2).patience());
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.defaults().withBuckets(8));
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.defaults().withEmbeddingDim(1));
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.defaults().withModelName("Bad Name"));
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.defaults().withBuckets(1 << 22).withEmbeddingDim(64));
        assertEquals(7, TrainingConfig.defaults().withSeed(7).seed());
    }

    static Corpus train;
    static Corpus dev;
    static StanceClassifier model;

    @BeforeAll
    static void trainOnce() {
        train = TestCorpus.make(300, 1);
        dev = TestCorpus.make(100, 2);
        model = Trainer.trainFast(train, dev, quickConfig());
    }

    @Test
    void learnsTheSyntheticTask() {
        List<Prediction> p = model.classifyAll(dev.sentences().stream().map(LabeledSentence::text).toList());
        Evaluation ev = Evaluation.ofPredictions(model.labels(), dev.sentences(), p);
        assertTrue(ev.macroF1() > 0.9, "dev macro-F1 " + ev.macroF1());
        assertEquals(List.of("CONDEMNATION", "CALL_FOR_DIALOGUE", "SANCTIONS_PRESSURE"), model.labels().names());
    }

    @Test
    void recordsProvenance() {
        ModelInfo info = model.info();
        assertEquals("test", info.name());
        assertEquals(FastTextClassifier.KIND, info.kind());
        assertEquals(train.sha256(), info.corpusSha256());
        assertEquals(42L, info.seed());
        assertEquals(300, info.trainSentences());
        assertTrue(info.dev().macroF1() > 0.9);
    }

    @Test
    void trainingIsDeterministicForAFixedSeed() {
        StanceClassifier again = Trainer.trainFast(train, dev, quickConfig());
        assertArrayEquals(((FastTextClassifier) model).parameters(), ((FastTextClassifier) again).parameters());
        for (int i = 0; i < model.labels().size(); i++) {
            assertEquals(model.threshold(i), again.threshold(i));
        }
    }

    @Test
    void aDifferentSeedGivesADifferentModel() {
        StanceClassifier other = Trainer.trainFast(train, dev, quickConfig().withSeed(7));
        assertTrue(!java.util.Arrays.equals(((FastTextClassifier) model).parameters(), ((FastTextClassifier) other).parameters()));
    }

    @Test
    void saveThenLoadGivesIdenticalScores(@TempDir Path dir) {
        Path file = dir.resolve("m.zip");
        model.save(file);
        try (StanceClassifier loaded = Parley.load(file)) {
            assertEquals(model.info(), loaded.info());
            assertEquals(model.labels(), loaded.labels());
            for (LabeledSentence s : dev.sentences()) {
                assertEquals(model.classify(s.text()), loaded.classify(s.text()));
            }
        }
    }

    @Test
    void refusesDevLabelsUnknownToTraining() {
        Corpus odd = Corpus.of(List.of(new LabeledSentence("x", "Some text here", java.util.Set.of("OTHER"), "", "", "", "")));
        assertThrows(IllegalArgumentException.class, () -> Trainer.trainFast(train, odd, quickConfig()));
    }

    @Test
    void refusesEmptyCorpora() {
        assertThrows(IllegalArgumentException.class, () -> Trainer.trainFast(Corpus.of(List.of()), dev, quickConfig()));
    }
}
