package org.parley.core.document;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Sentence-boundary precision and recall against gold articles. A boundary is the start offset of
 * every sentence but the first of its article; a predicted boundary is right when a gold sentence
 * starts at exactly that offset. Also counts sentences whose start and end both match.
 */
public record SegmentationScore(int goldBoundaries, int predictedBoundaries, int correctBoundaries,
                                int goldSentences, int exactSentences) {

    public double precision() {
        return predictedBoundaries == 0 ? 0 : correctBoundaries / (double) predictedBoundaries;
    }

    public double recall() {
        return goldBoundaries == 0 ? 0 : correctBoundaries / (double) goldBoundaries;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double exactSentenceShare() {
        return goldSentences == 0 ? 0 : exactSentences / (double) goldSentences;
    }

    /** Scores one article's predicted sentences. */
    public static SegmentationScore of(GoldArticle gold, List<int[]> predicted) {
        Set<Integer> goldStarts = new HashSet<>();
        Set<Long> goldSpans = new HashSet<>();
        for (int i = 0; i < gold.sentences().size(); i++) {
            GoldArticle.Sentence s = gold.sentences().get(i);
            if (i > 0) {
                goldStarts.add(s.start());
            }
            goldSpans.add(((long) s.start() << 32) | s.end());
        }
        int correct = 0;
        int exact = 0;
        for (int i = 0; i < predicted.size(); i++) {
            int[] p = predicted.get(i);
            if (i > 0 && goldStarts.contains(p[0])) {
                correct++;
            }
            if (goldSpans.contains(((long) p[0] << 32) | p[1])) {
                exact++;
            }
        }
        return new SegmentationScore(goldStarts.size(), Math.max(0, predicted.size() - 1), correct,
                gold.sentences().size(), exact);
    }

    public SegmentationScore plus(SegmentationScore o) {
        return new SegmentationScore(goldBoundaries + o.goldBoundaries, predictedBoundaries + o.predictedBoundaries,
                correctBoundaries + o.correctBoundaries, goldSentences + o.goldSentences, exactSentences + o.exactSentences);
    }
}
