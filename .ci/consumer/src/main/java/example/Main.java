package example;

import org.parley.core.Parley;
import org.parley.core.Prediction;
import org.parley.core.StanceClassifier;

/** Loads the default model from the classpath and classifies one sentence. */
public final class Main {
    public static void main(String[] args) {
        try (StanceClassifier clf = Parley.load()) {
            Prediction p = clf.classify("Ankara stands ready to host the leaders and keeps its channels to both capitals open.");
            System.out.println(p.labelNames());
            if (!p.labelNames().contains("MEDIATION_OFFER")) {
                throw new IllegalStateException("expected MEDIATION_OFFER, got " + p.labelNames());
            }
        }
    }
}
