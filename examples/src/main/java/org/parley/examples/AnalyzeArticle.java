package org.parley.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.parley.core.AnalyzedSentence;
import org.parley.core.DocumentAnalysis;
import org.parley.core.DocumentAnalyzer;
import org.parley.core.DocumentProfile;
import org.parley.core.EventCodes;
import org.parley.core.Parley;
import org.parley.core.StanceClassifier;

/**
 * Analyse a whole article: sentences with offsets, labels and speakers, then the label profile with
 * each label's CAMEO codes. Run on one of the bundled articles, e.g.
 * {@code examples/articles/test/a-05-cyprus-leaders-meeting.txt} (see examples/README.md).
 */
public final class AnalyzeArticle {

    private AnalyzeArticle() {
    }

    /** Analyses the article in {@code file} with the named model. */
    public static DocumentAnalysis run(String model, Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try (StanceClassifier clf = Parley.load(model)) {
            return new DocumentAnalyzer(clf).analyze(file.getFileName().toString(), text);
        }
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "examples/articles/test/a-05-cyprus-leaders-meeting.txt");
        DocumentAnalysis a = run(args.length > 1 ? args[1] : "default", file);
        for (AnalyzedSentence s : a.sentences()) {
            System.out.printf("#%-3d [%5d-%5d] %-28s %s%n      %s%n", s.index(), s.span().start(), s.span().end(),
                    s.speakerText().isEmpty() ? "" : "(" + s.speakerText() + ")", s.prediction().labelNames(), s.text());
        }
        System.out.println();
        System.out.println("Profile of " + a.id() + " (" + a.profile().sentences() + " sentences):");
        for (DocumentProfile.LabelProfile p : a.profile().labels()) {
            System.out.printf("  %-24s %3d  %5.1f%%  CAMEO %s%n", p.label().name(), p.count(), 100 * p.share(),
                    EventCodes.of(p.label()).map(c -> c.cameo().isEmpty() ? "-" : String.join(",", c.cameo())).orElse("-"));
        }
    }
}
