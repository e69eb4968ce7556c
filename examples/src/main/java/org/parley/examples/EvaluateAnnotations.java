package org.parley.examples;

import java.nio.file.Path;

import org.parley.core.Corpus;
import org.parley.core.Evaluation;
import org.parley.core.LabeledSentence;
import org.parley.core.Parley;
import org.parley.core.StanceClassifier;

/**
 * Evaluate a model against your own annotations: a UTF-8 TSV with a header and at least the
 * columns {@code text} and {@code labels}. Prints per-label precision, recall and F1.
 */
public final class EvaluateAnnotations {

    private EvaluateAnnotations() {
    }

    public static Evaluation run(String model, Path goldTsv) {
        try (StanceClassifier clf = Parley.load(model)) {
            Corpus gold = Corpus.read(goldTsv, clf.labels());
            return Evaluation.ofPredictions(clf.labels(), gold.sentences(),
                    clf.classifyAll(gold.sentences().stream().map(LabeledSentence::text).toList()));
        }
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: EvaluateAnnotations GOLD.tsv");
            System.exit(2);
        }
        System.out.print(run("default", Path.of(args[0])).toTable());
    }
}
