package org.parley.core.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.parley.core.Explanation;
import org.parley.core.Label;
import org.parley.core.LabelSet;
import org.parley.core.Prediction;
import org.parley.core.text.MappedTokens;
import org.parley.core.text.TextNormalizer;

/**
 * Explains a model that can only be re-scored, by occlusion: a span's weight for a label is the
 * label's score on the whole sentence minus its score with the span deleted. Coarse to fine, in two
 * rounds of re-scoring:
 * <ol>
 *   <li>the sentence is cut into short phrases of 1–4 words ({@link Chunker}) and re-scored once per
 *       phrase deleted;</li>
 *   <li>inside the strongest multi-word phrases of each predicted label (of the best-scoring label when
 *       none is predicted; the two strongest per label, at most {@link #MAX_REFINED_WORDS} words in
 *       all), each word is deleted on its own. For each label, such a phrase is then reported word by
 *       word when its strongest word alone moves the label at least half as much as the whole phrase,
 *       and as one phrase otherwise (the words act together).</li>
 * </ol>
 * So a sentence of n words costs about n / 2.3 + 8 re-scorings, and only the first {@link #MAX_WORDS}
 * words are considered (the encoder reads about 90). Each round is one call of the scorer for all
 * sentences. Spans of one label never overlap. Thread-safe when the scorer is.
 */
public final class Occlusion {

    /** Words considered per sentence; later words get no span. */
    public static final int MAX_WORDS = 128;
    /** Words deleted one by one inside the strongest phrases, per sentence. */
    public static final int MAX_REFINED_WORDS = 8;
    private static final int PHRASES_PER_LABEL = 2;
    private static final int MAX_RAW = TextNormalizer.MAX_CHARS * 2;

    /** Per-label probabilities of each sentence, in label order. */
    @FunctionalInterface
    public interface Scorer {
        double[][] scores(List<String> sentences);
    }

    private Occlusion() {
    }

    /**
     * Explains {@code sentences}; {@code predict} turns a sentence's full scores into its prediction
     * (thresholds, empty-text rule).
     */
    public static List<Explanation> explain(List<String> sentences, LabelSet labels, Scorer scorer,
                                            BiFunction<String, double[], Prediction> predict) {
        List<Plan> plans = new ArrayList<>(sentences.size());
        List<String> round1 = new ArrayList<>();
        for (String s : sentences) {
            Plan p = new Plan(s);
            p.offset1 = round1.size();
            round1.add(s);
            for (int[] c : p.chunks) {
                round1.add(delete(p.base, p.mt.start()[c[0]], p.mt.end()[c[1] - 1]));
            }
            plans.add(p);
        }
        double[][] s1 = scorer.scores(round1);
        List<String> round2 = new ArrayList<>();
        for (Plan p : plans) {
            p.full = s1[p.offset1];
            p.prediction = predict.apply(p.raw, p.full);
            p.chunkDelta = new double[p.chunks.size()][];
            for (int c = 0; c < p.chunks.size(); c++) {
                p.chunkDelta[c] = minus(p.full, s1[p.offset1 + 1 + c]);
            }
            p.chooseRefinements(labels);
            p.offset2 = round2.size();
            for (int c : p.refined) {
                int[] ch = p.chunks.get(c);
                for (int t = ch[0]; t < ch[1]; t++) {
                    round2.add(delete(p.base, p.mt.start()[t], p.mt.end()[t]));
                }
            }
        }
        double[][] s2 = round2.isEmpty() ? new double[0][] : scorer.scores(round2);
        List<Explanation> out = new ArrayList<>(plans.size());
        for (Plan p : plans) {
            out.add(p.explanation(labels, s2));
        }
        return out;
    }

    /**
     * {@code text} without {@code [start, end)} and the white space after it (or before it, when none
     * follows), so that the words around the gap stay apart and no double space is left.
     */
    public static String delete(String text, int start, int end) {
        int a = start;
        int b = end;
        while (b < text.length() && Character.isWhitespace(text.charAt(b))) {
            b++;
        }
        if (b == end) {
            while (a > 0 && Character.isWhitespace(text.charAt(a - 1))) {
                a--;
            }
            if (a > 0 && b < text.length() && Character.isLetterOrDigit(text.charAt(a - 1)) && Character.isLetterOrDigit(text.charAt(b))) {
                return text.substring(0, a) + " " + text.substring(b);
            }
        }
        return text.substring(0, a) + text.substring(b);
    }

    private static double[] minus(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    /** One sentence's work. */
    private static final class Plan {
        final String raw;
        final String base;
        final MappedTokens mt;
        final List<int[]> chunks;
        final List<Integer> refined = new ArrayList<>();
        int offset1;
        int offset2;
        double[] full;
        Prediction prediction;
        double[][] chunkDelta;

        Plan(String raw) {
            this.raw = raw;
            // the models read no further than this; variants are built from it alone
            this.base = raw.length() > MAX_RAW ? raw.substring(0, Character.isHighSurrogate(raw.charAt(MAX_RAW - 1)) ? MAX_RAW - 1 : MAX_RAW) : raw;
            this.mt = MappedTokens.of(raw);
            this.chunks = Chunker.chunks(mt, Math.min(MAX_WORDS, mt.size()));
        }

        void chooseRefinements(LabelSet labels) {
            List<Integer> targets = new ArrayList<>();
            for (Label l : prediction.labels()) {
                targets.add(labels.indexOf(l.name()));
            }
            if (targets.isEmpty() && !chunks.isEmpty()) {
                int best = 0;
                for (int k = 1; k < full.length; k++) {
                    best = full[k] > full[best] ? k : best;
                }
                targets.add(best);
            }
            int words = 0;
            for (int round = 0; round < PHRASES_PER_LABEL; round++) {
                for (int k : targets) {
                    int c = ranked(k, round);
                    if (c < 0 || refined.contains(c)) {
                        continue;
                    }
                    int len = chunks.get(c)[1] - chunks.get(c)[0];
                    if (len > 1 && words + len <= MAX_REFINED_WORDS) {
                        refined.add(c);
                        words += len;
                    }
                }
            }
        }

        /** The chunk with the {@code rank}-th largest drop for label {@code k}, or -1. */
        private int ranked(int k, int rank) {
            List<Integer> order = new ArrayList<>();
            for (int c = 0; c < chunks.size(); c++) {
                order.add(c);
            }
            order.sort((x, y) -> Double.compare(chunkDelta[y][k], chunkDelta[x][k]));
            return rank < order.size() && chunkDelta[order.get(rank)][k] > 0 ? order.get(rank) : -1;
        }

        Explanation explanation(LabelSet labels, double[][] s2) {
            Map<Label, List<Explanation.Span>> spans = new LinkedHashMap<>();
            for (int k = 0; k < labels.size(); k++) {
                List<Explanation.Span> list = new ArrayList<>();
                for (int c = 0; c < chunks.size(); c++) {
                    int[] ch = chunks.get(c);
                    boolean split = false;
                    double[] wordDelta = null;
                    if (refined.contains(c)) {
                        wordDelta = new double[ch[1] - ch[0]];
                        // rows of round 2 follow the order of `refined`
                        int r = offset2;
                        for (int rc : refined) {
                            if (rc == c) {
                                break;
                            }
                            r += chunks.get(rc)[1] - chunks.get(rc)[0];
                        }
                        double best = 0;
                        for (int t = 0; t < wordDelta.length; t++) {
                            wordDelta[t] = full[k] - s2[r + t][k];
                            best = Math.max(best, Math.abs(wordDelta[t]));
                        }
                        split = best >= 0.5 * Math.abs(chunkDelta[c][k]);
                    }
                    if (split) {
                        for (int t = ch[0]; t < ch[1]; t++) {
                            list.add(span(t, t + 1, wordDelta[t - ch[0]]));
                        }
                    } else {
                        list.add(span(ch[0], ch[1], chunkDelta[c][k]));
                    }
                }
                spans.put(labels.get(k), list);
            }
            return new Explanation(prediction, spans);
        }

        private Explanation.Span span(int first, int last, double weight) {
            return new Explanation.Span(mt.start()[first], mt.end()[last - 1], mt.text(first, last), weight);
        }
    }
}
