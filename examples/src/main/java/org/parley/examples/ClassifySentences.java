package org.parley.examples;

import java.util.List;

import org.parley.core.Parley;
import org.parley.core.Prediction;
import org.parley.core.StanceClassifier;

/**
 * Classify a few sentences with the default model and print labels and scores.
 * Run: {@code examples/run ClassifySentences} (see examples/README.md).
 */
public final class ClassifySentences {

    private ClassifySentences() {
    }

    /** Classifies the sentences with the named model. */
    public static List<Prediction> run(String model, List<String> sentences) {
        try (StanceClassifier clf = Parley.load(model)) {
            return clf.classifyAll(sentences);
        }
    }

    public static void main(String[] args) {
        List<String> sentences = args.length > 0 ? List.of(args) : List.of(
                "Ankara stands ready to host the leaders and keeps its channels to both capitals open.",
                "The ministry condemned the strike on the power station as a war crime.",
                "The delegations met in a hotel near the airport.");
        for (Prediction p : run("default", sentences)) {
            System.out.println(p.text());
            System.out.println("  labels: " + p.labelNames());
            p.scores().forEach((label, s) -> {
                if (s >= 0.05) {
                    System.out.printf("  %-24s %.3f%n", label.name(), s);
                }
            });
        }
    }
}
