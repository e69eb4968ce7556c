package org.parley.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.parley.core.Corpus;
import org.parley.core.CorpusSplit;
import org.parley.core.Prediction;
import org.parley.core.StanceClassifier;
import org.parley.training.EncoderTrainingConfig;
import org.parley.training.Trainer;
import org.parley.training.TrainingConfig;

/**
 * Train models of both kinds on your own label set: a fast model, and (with {@code --accurate}) an
 * accurate-tier model, the pretrained encoder with a trained head blended with a fast model. The bundled example corpus labels statements about
 * negotiations with {@code PRECONDITION}, {@code DEADLINE} and {@code VENUE} — labels Parley does not
 * ship — to show that any label names work.
 */
public final class TrainOwnLabels {

    private TrainOwnLabels() {
    }

    /** The bundled example corpus. */
    public static Corpus exampleCorpus() {
        try (InputStream in = TrainOwnLabels.class.getResourceAsStream("negotiation-terms.tsv")) {
            return Corpus.read(in, "negotiation-terms.tsv", null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TrainingConfig fastConfig() {
        return TrainingConfig.defaults().withModelName("negotiation-terms").withBuckets(1 << 12).withEmbeddingDim(32);
    }

    /** Trains a fast model on a seeded random 80/20 split of the corpus and saves it to {@code out}. */
    public static StanceClassifier run(Corpus corpus, Path out) {
        CorpusSplit split = CorpusSplit.random(corpus, 0.2, 7);
        StanceClassifier clf = Trainer.trainFast(split.train(), split.dev(), fastConfig());
        clf.save(out);
        return clf;
    }

    /** Trains an accurate-tier model on the same split and saves it to {@code out}. */
    public static StanceClassifier runAccurate(Corpus corpus, Path out) {
        CorpusSplit split = CorpusSplit.random(corpus, 0.2, 7);
        StanceClassifier clf = Trainer.trainEncoder(split.train(), split.dev(),
                EncoderTrainingConfig.defaults().withModelName("negotiation-terms-accurate").withFast(fastConfig()));
        clf.save(out);
        return clf;
    }

    public static void main(String[] args) {
        boolean accurate = args.length > 0 && args[0].equals("--accurate");
        int at = accurate ? 1 : 0;
        Path out = Path.of(args.length > at ? args[at] : accurate ? "negotiation-terms-accurate.zip" : "negotiation-terms.zip");
        try (StanceClassifier clf = accurate ? runAccurate(exampleCorpus(), out) : run(exampleCorpus(), out)) {
            System.out.println(clf.info().kind() + " model, labels: " + clf.labels().names() + ", written to " + out);
            Prediction p = clf.classify("Talks can only begin once all foreign troops have left, the rebels said.");
            System.out.println(p.text() + " -> " + p.labelNames());
        }
    }
}
