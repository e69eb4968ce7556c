package org.parley.core.document;

import java.util.List;
import java.util.Locale;

/**
 * Speaker attribution against gold articles, over gold sentences: a predicted speaker is right when
 * its text equals the gold speaker's (ignoring case, surrounding punctuation and a leading "the"), and
 * partly right when one contains the other or they end with the same word ("Ruiz" vs "Foreign
 * Minister Ana Ruiz"). Precision is over sentences given a speaker, recall over gold sentences with one.
 */
public record AttributionScore(int goldWithSpeaker, int predictedWithSpeaker, int exact, int partial,
                               int sentences, int bothNone) {

    public double exactPrecision() {
        return predictedWithSpeaker == 0 ? 0 : exact / (double) predictedWithSpeaker;
    }

    public double exactRecall() {
        return goldWithSpeaker == 0 ? 0 : exact / (double) goldWithSpeaker;
    }

    public double partialPrecision() {
        return predictedWithSpeaker == 0 ? 0 : partial / (double) predictedWithSpeaker;
    }

    public double partialRecall() {
        return goldWithSpeaker == 0 ? 0 : partial / (double) goldWithSpeaker;
    }

    /**
     * Scores one article; each gold sentence takes the speaker of the predicted sentence that contains
     * its start.
     */
    public static AttributionScore of(GoldArticle gold, List<int[]> predicted, List<String> speakers) {
        int goldWith = 0;
        int predWith = 0;
        int exact = 0;
        int partial = 0;
        int none = 0;
        for (GoldArticle.Sentence g : gold.sentences()) {
            String p = "";
            for (int i = 0; i < predicted.size(); i++) {
                if (predicted.get(i)[0] <= g.start() && g.start() < Math.max(predicted.get(i)[1], predicted.get(i)[0] + 1)) {
                    p = speakers.get(i);
                    break;
                }
            }
            String gn = norm(g.speaker());
            String pn = norm(p);
            if (!gn.isEmpty()) {
                goldWith++;
            }
            if (!pn.isEmpty()) {
                predWith++;
            }
            if (gn.isEmpty() && pn.isEmpty()) {
                none++;
            } else if (!gn.isEmpty() && !pn.isEmpty()) {
                if (gn.equals(pn)) {
                    exact++;
                    partial++;
                } else if (gn.contains(pn) || pn.contains(gn) || lastWord(gn).equals(lastWord(pn))) {
                    partial++;
                }
            }
        }
        return new AttributionScore(goldWith, predWith, exact, partial, gold.sentences().size(), none);
    }

    public AttributionScore plus(AttributionScore o) {
        return new AttributionScore(goldWithSpeaker + o.goldWithSpeaker, predictedWithSpeaker + o.predictedWithSpeaker,
                exact + o.exact, partial + o.partial, sentences + o.sentences, bothNone + o.bothNone);
    }

    private static String norm(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT).replaceAll("^[\\p{Punct}“”‘’]+|[\\p{Punct}“”‘’]+$", "");
        return t.startsWith("the ") ? t.substring(4) : t;
    }

    private static String lastWord(String s) {
        String[] w = s.split("\\s+");
        return w[w.length - 1];
    }
}
