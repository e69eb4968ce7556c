package org.parley.training;

/**
 * Chooses one decision threshold per label that maximises that label's F1 on development data.
 * Candidates run from 0.05 to 0.95 in steps of 0.01 unless another grid is given; ties go to the
 * threshold nearest 0.5, and a
 * label with no positive development example keeps 0.5. Thread-safe (stateless).
 */
public final class ThresholdTuner {

    private ThresholdTuner() {
    }

    /**
     * @param scores scores[sentence][label]
     * @param gold   gold[sentence][label]
     */
    public static double[] tune(double[][] scores, boolean[][] gold, int labels) {
        return tune(scores, gold, labels, 0.05, 0.95, 0.01);
    }

    /** The same search over the grid {@code from, from + step, … <= to}. */
    public static double[] tune(double[][] scores, boolean[][] gold, int labels, double from, double to, double step) {
        int steps = (int) Math.round((to - from) / step);
        double[] out = new double[labels];
        for (int k = 0; k < labels; k++) {
            int positives = 0;
            for (boolean[] g : gold) {
                if (g[k]) {
                    positives++;
                }
            }
            if (positives == 0) {
                out[k] = 0.5;
                continue;
            }
            double best = -1;
            double bestT = 0.5;
            for (int g = 0; g <= steps; g++) {
                double t = Math.round((from + g * step) * 1e6) / 1e6;
                int tp = 0;
                int fp = 0;
                int fn = 0;
                for (int i = 0; i < scores.length; i++) {
                    boolean p = scores[i][k] >= t;
                    if (p && gold[i][k]) {
                        tp++;
                    } else if (p) {
                        fp++;
                    } else if (gold[i][k]) {
                        fn++;
                    }
                }
                double f1 = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
                if (f1 > best + 1e-12 || (Math.abs(f1 - best) <= 1e-12 && Math.abs(t - 0.5) < Math.abs(bestT - 0.5))) {
                    best = f1;
                    bestT = t;
                }
            }
            out[k] = bestT;
        }
        return out;
    }
}
