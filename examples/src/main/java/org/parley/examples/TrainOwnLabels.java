package org.parley.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.parley.core.Corpus;
import org.parley.core.CorpusSplit;
import org.parley.core.Parley;
import org.parley.core.Prediction;
import org.parley.core.StanceClassifier;
import org.parley.core.TrainingConfig;

/**
 * Train a fast model on your own label set. The bundled example corpus labels statements about
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

    /** Trains on a seeded random 80/20 split of the corpus and saves the model to {@code out}. */
    public static StanceClassifier run(Corpus corpus, Path out) {
        CorpusSplit split = CorpusSplit.random(corpus, 0.2, 7);
        StanceClassifier clf = Parley.train(split.train(), split.dev(),
                TrainingConfig.defaults().withModelName("negotiation-terms").withBuckets(1 << 12).withEmbeddingDim(32));
        clf.save(out);
        return clf;
    }

    public static void main(String[] args) {
        Path out = Path.of(args.length > 0 ? args[0] : "negotiation-terms.zip");
        try (StanceClassifier clf = run(exampleCorpus(), out)) {
            System.out.println("labels: " + clf.labels().names() + ", written to " + out);
            Prediction p = clf.classify("Talks can only begin once all foreign troops have left, the rebels said.");
            System.out.println(p.text() + " -> " + p.labelNames());
        }
    }
}
