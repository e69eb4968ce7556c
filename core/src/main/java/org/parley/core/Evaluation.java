package org.parley.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Multi-label evaluation of predictions against gold labels: per-label precision, recall, F1 and
 * support, micro- and macro-averaged F1, and exact-match accuracy (all labels right).
 *
 * <p>Macro-F1 averages over the labels of the label set, including labels with no gold support
 * (their F1 is 1 when nothing was predicted for them either, else 0).
 *
 * <p>Immutable and thread-safe.
 *
 * @param perLabel   one row per label, in label-set order
 * @param microF1    F1 over all label decisions pooled
 * @param macroF1    mean of the per-label F1
 * @param exactMatch share of sentences whose predicted label set equals the gold set
 * @param sentences  number of sentences evaluated
 */
public record Evaluation(List<LabelMetrics> perLabel, double microF1, double macroF1, double exactMatch, int sentences) {

    public Evaluation {
        perLabel = List.copyOf(perLabel);
    }

    /**
     * Scores of one label.
     *
     * @param label     the label
     * @param precision true positives / predicted positives (0 when nothing was predicted)
     * @param recall    true positives / gold positives (0 when there are none)
     * @param f1        harmonic mean of precision and recall
     * @param support   number of gold positives
     * @param tp        true positives
     * @param fp        false positives
     * @param fn        false negatives
     */
    public record LabelMetrics(Label label, double precision, double recall, double f1, int support,
                               int tp, int fp, int fn) {
    }

    /**
     * Compares predictions with gold label-name sets, sentence by sentence.
     *
     * @throws IllegalArgumentException if the lists differ in length
     */
    public static Evaluation of(LabelSet labels, List<Set<String>> gold, List<Set<String>> predicted) {
        Objects.requireNonNull(labels, "labels");
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException(gold.size() + " gold rows but " + predicted.size() + " predictions");
        }
        int k = labels.size();
        int[] tp = new int[k];
        int[] fp = new int[k];
        int[] fn = new int[k];
        int exact = 0;
        for (int s = 0; s < gold.size(); s++) {
            Set<String> g = gold.get(s);
            Set<String> p = predicted.get(s);
            boolean same = true;
            for (int i = 0; i < k; i++) {
                String name = labels.get(i).name();
                boolean gi = g.contains(name);
                boolean pi = p.contains(name);
                if (gi && pi) {
                    tp[i]++;
                } else if (pi) {
                    fp[i]++;
                    same = false;
                } else if (gi) {
                    fn[i]++;
                    same = false;
                }
            }
            if (same) {
                exact++;
            }
        }
        List<LabelMetrics> rows = new ArrayList<>();
        double macro = 0;
        int sumTp = 0;
        int sumFp = 0;
        int sumFn = 0;
        for (int i = 0; i < k; i++) {
            double f1 = f1(tp[i], fp[i], fn[i]);
            double precision = tp[i] + fp[i] == 0 ? 0 : (double) tp[i] / (tp[i] + fp[i]);
            double recall = tp[i] + fn[i] == 0 ? 0 : (double) tp[i] / (tp[i] + fn[i]);
            rows.add(new LabelMetrics(labels.get(i), precision, recall, f1, tp[i] + fn[i], tp[i], fp[i], fn[i]));
            macro += f1;
            sumTp += tp[i];
            sumFp += fp[i];
            sumFn += fn[i];
        }
        return new Evaluation(rows, f1(sumTp, sumFp, sumFn), macro / k,
                gold.isEmpty() ? 0 : (double) exact / gold.size(), gold.size());
    }

    /** Evaluates predictions against a corpus's gold labels. */
    public static Evaluation ofPredictions(LabelSet labels, List<LabeledSentence> gold, List<Prediction> predictions) {
        return of(labels, gold.stream().map(LabeledSentence::labels).toList(),
                predictions.stream().map(p -> Set.copyOf(p.labelNames())).toList());
    }

    /** F1 from counts; 1 when there is nothing to find and nothing was predicted. */
    public static double f1(int tp, int fp, int fn) {
        if (tp + fp + fn == 0) {
            return 1.0;
        }
        return 2.0 * tp / (2.0 * tp + fp + fn);
    }

    /** The row of the label with this name. */
    public LabelMetrics label(String name) {
        return perLabel.stream().filter(m -> m.label().name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No label '" + name + "' in this evaluation"));
    }

    /** A fixed-width table for people: one row per label, then micro/macro-F1 and exact match. */
    public String toTable() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-24s %9s %9s %9s %8s%n", "label", "precision", "recall", "f1", "support"));
        for (LabelMetrics m : perLabel) {
            sb.append(String.format(Locale.ROOT, "%-24s %9.3f %9.3f %9.3f %8d%n", m.label().name(), m.precision(),
                    m.recall(), m.f1(), m.support()));
        }
        sb.append(String.format(Locale.ROOT, "%-24s %9s %9s %9.3f %8d%n", "micro-F1", "", "", microF1, sentences));
        sb.append(String.format(Locale.ROOT, "%-24s %9s %9s %9.3f%n", "macro-F1", "", "", macroF1));
        sb.append(String.format(Locale.ROOT, "%-24s %9s %9s %9.3f%n", "exact match", "", "", exactMatch));
        return sb.toString();
    }
}
