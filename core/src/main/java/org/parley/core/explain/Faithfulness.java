package org.parley.core.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.parley.core.Explanation;
import org.parley.core.Label;
import org.parley.core.Prediction;
import org.parley.core.StanceClassifier;
import org.parley.core.text.MappedTokens;

/**
 * ERASER faithfulness (DeYoung et al., 2020) of a classifier's explanations, for each predicted label
 * of each sentence: <b>comprehensiveness</b>, the drop of the label's probability when the top-k
 * positive spans are deleted (higher is better), and <b>sufficiency</b>, the drop when only they are
 * kept (lower is better), each next to the same measure for k random spans of the same lengths in
 * words (seeded). Not thread-safe (holds its random source); run one at a time.
 */
public final class Faithfulness {

    /**
     * Mean measures over {@code pairs} (sentence, predicted label) pairs for the top {@code k} spans.
     *
     * @param words mean words in the top-k spans (and in the random spans)
     */
    public record Result(int k, int pairs, double words, double comprehensiveness, double randomComprehensiveness,
                         double sufficiency, double randomSufficiency) {
    }

    private final StanceClassifier clf;
    private final Random random;
    private final int[] ks;
    private final double[][] sums;
    private final int[] pairs;

    public Faithfulness(StanceClassifier clf, long seed, int... ks) {
        this.clf = clf;
        this.random = new Random(seed);
        this.ks = ks.clone();
        this.sums = new double[ks.length][5];
        this.pairs = new int[ks.length];
    }

    /** Measures explanations made by this classifier, adding to the running means. */
    public void add(List<Explanation> explanations) {
        List<String> variants = new ArrayList<>();
        List<double[]> slots = new ArrayList<>(); // per variant: {ki, measure, full score} ; label index kept aside
        List<Label> labelOf = new ArrayList<>();
        for (Explanation e : explanations) {
            Prediction p = e.prediction();
            String text = p.text();
            MappedTokens mt = MappedTokens.of(text);
            int n = Math.min(mt.size(), Occlusion.MAX_WORDS);
            for (Label label : p.labels()) {
                List<Explanation.Span> positive = e.spans().get(label).stream().filter(s -> s.weight() > 0).toList();
                for (int ki = 0; ki < ks.length; ki++) {
                    List<int[]> top = new ArrayList<>();
                    for (Explanation.Span s : positive.subList(0, Math.min(ks[ki], positive.size()))) {
                        top.add(new int[] {s.start(), s.end()});
                    }
                    if (top.isEmpty()) {
                        continue;
                    }
                    List<int[]> rnd = randomLike(top, mt, n);
                    double full = p.scores().get(label);
                    double words = 0;
                    for (int[] s : top) {
                        words += words(mt, s);
                    }
                    sums[ki][0] += words;
                    pairs[ki]++;
                    String[] texts = {without(text, top), only(text, top), without(text, rnd), only(text, rnd)};
                    for (int m = 0; m < 4; m++) {
                        variants.add(texts[m]);
                        slots.add(new double[] {ki, m + 1, full});
                        labelOf.add(label);
                    }
                }
            }
        }
        List<Prediction> scored = clf.classifyAll(variants);
        for (int v = 0; v < variants.size(); v++) {
            double[] slot = slots.get(v);
            sums[(int) slot[0]][(int) slot[1]] += slot[2] - scored.get(v).scores().get(labelOf.get(v));
        }
    }

    /** The means so far, one result per k. */
    public List<Result> results() {
        List<Result> out = new ArrayList<>();
        for (int ki = 0; ki < ks.length; ki++) {
            double n = Math.max(1, pairs[ki]);
            out.add(new Result(ks[ki], pairs[ki], sums[ki][0] / n, sums[ki][1] / n, sums[ki][3] / n, sums[ki][2] / n, sums[ki][4] / n));
        }
        return out;
    }

    private static int words(MappedTokens mt, int[] span) {
        int w = 0;
        for (int t = 0; t < mt.size(); t++) {
            w += mt.start()[t] >= span[0] && mt.end()[t] <= span[1] ? 1 : 0;
        }
        return Math.max(1, w);
    }

    /** Random non-overlapping spans over the first {@code n} words with the same word counts as {@code top}. */
    private List<int[]> randomLike(List<int[]> top, MappedTokens mt, int n) {
        boolean[] used = new boolean[n];
        List<int[]> out = new ArrayList<>();
        for (int[] s : top) {
            int len = Math.min(n, words(mt, s));
            for (int attempt = 0; attempt < 50; attempt++) {
                int first = random.nextInt(n - len + 1);
                boolean free = true;
                for (int t = first; t < first + len; t++) {
                    free &= !used[t];
                }
                if (free || attempt == 49) {
                    for (int t = first; t < first + len; t++) {
                        used[t] = true;
                    }
                    out.add(new int[] {mt.start()[first], mt.end()[first + len - 1]});
                    break;
                }
            }
        }
        return out;
    }

    /** {@code text} with the spans deleted. */
    static String without(String text, List<int[]> spans) {
        List<int[]> sorted = new ArrayList<>(spans);
        sorted.sort((a, b) -> Integer.compare(b[0], a[0]));
        String out = text;
        int lastStart = Integer.MAX_VALUE;
        for (int[] s : sorted) {
            int end = Math.min(s[1], lastStart);
            if (end > s[0]) {
                out = Occlusion.delete(out, s[0], end);
                lastStart = s[0];
            }
        }
        return out;
    }

    /** Only the spans' text, in order, separated by spaces. */
    static String only(String text, List<int[]> spans) {
        List<int[]> sorted = new ArrayList<>(spans);
        sorted.sort((a, b) -> Integer.compare(a[0], b[0]));
        StringBuilder sb = new StringBuilder();
        int lastEnd = 0;
        for (int[] s : sorted) {
            int start = Math.max(s[0], lastEnd);
            if (s[1] > start) {
                sb.append(sb.length() > 0 ? " " : "").append(text, start, s[1]);
                lastEnd = s[1];
            }
        }
        return sb.toString();
    }
}
