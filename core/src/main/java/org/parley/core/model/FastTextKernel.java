package org.parley.core.model;

/**
 * The forward pass of a trained fast network in plain Java: average the embedding rows of the
 * feature ids, a tanh hidden layer, sigmoid outputs. It computes what the DL4J network computes
 * (a test checks the two agree) without per-call native allocations, so one sentence takes
 * microseconds. Immutable and thread-safe.
 */
public final class FastTextKernel {

    private final FastTextSpec spec;
    private final float[] embedding; // [buckets][dim], row-major
    private final float[] w1;        // [hidden][dim], row-major
    private final float[] b1;
    private final float[] w2;        // [labels][hidden], row-major
    private final float[] b2;

    /**
     * Slices a parameter vector in the layout {@code parley-fasttext-1} (docs/archive-format.md):
     * the embedding table dimension-major, then hidden weights [hidden][dim], hidden bias, output
     * weights [labels][hidden], output bias.
     */
    public FastTextKernel(FastTextSpec spec, float[] params) {
        if (params.length != spec.parameterCount()) {
            throw new IllegalArgumentException("Expected " + spec.parameterCount() + " parameters, got " + params.length);
        }
        this.spec = spec;
        int buckets = spec.features().buckets();
        int dim = spec.embeddingDim();
        int hidden = spec.hidden();
        int labels = spec.labels();
        int off = 0;
        embedding = transpose(params, off, buckets, dim);
        off += buckets * dim;
        w1 = java.util.Arrays.copyOfRange(params, off, off + dim * hidden);
        off += dim * hidden;
        b1 = java.util.Arrays.copyOfRange(params, off, off + hidden);
        off += hidden;
        w2 = java.util.Arrays.copyOfRange(params, off, off + hidden * labels);
        off += hidden * labels;
        b2 = java.util.Arrays.copyOfRange(params, off, off + labels);
    }

    /** A dimension-major block ({@code cols} runs of {@code rows} values) becomes row-major [rows][cols]. */
    private static float[] transpose(float[] p, int off, int rows, int cols) {
        float[] out = new float[rows * cols];
        for (int c = 0; c < cols; c++) {
            int base = off + c * rows;
            for (int r = 0; r < rows; r++) {
                out[r * cols + c] = p[base + r];
            }
        }
        return out;
    }

    public FastTextSpec spec() {
        return spec;
    }

    /** Per-label probabilities for one sentence's feature ids; all zero when {@code ids} is empty. */
    public double[] scores(int[] ids) {
        int labels = spec.labels();
        double[] out = new double[labels];
        if (ids.length == 0) {
            return out;
        }
        int dim = spec.embeddingDim();
        float[] pooled = new float[dim];
        for (int id : ids) {
            int base = id * dim;
            for (int d = 0; d < dim; d++) {
                pooled[d] += embedding[base + d];
            }
        }
        float inv = 1f / ids.length;
        for (int d = 0; d < dim; d++) {
            pooled[d] *= inv;
        }
        int hidden = spec.hidden();
        float[] h = new float[hidden];
        for (int j = 0; j < hidden; j++) {
            float s = b1[j];
            int base = j * dim;
            for (int d = 0; d < dim; d++) {
                s += w1[base + d] * pooled[d];
            }
            h[j] = (float) Math.tanh(s);
        }
        for (int k = 0; k < labels; k++) {
            float s = b2[k];
            int base = k * hidden;
            for (int j = 0; j < hidden; j++) {
                s += w2[base + j] * h[j];
            }
            out[k] = 1.0 / (1.0 + Math.exp(-s));
        }
        return out;
    }

    /**
     * Each token's share of the pooled embedding: the pooled vector is the mean of the feature rows, so
     * feature {@code f}'s row divided by the feature count is split evenly over the {@code count[f]}
     * tokens it covers (a word bigram over two tokens, a character n-gram to its token). The shares sum
     * to the pooled vector exactly (up to rounding). Returns {@code [tokens][embeddingDim]}.
     */
    public double[][] shares(int[] ids, int[] first, int[] count, int tokens) {
        int dim = spec.embeddingDim();
        double[][] share = new double[tokens][dim];
        double inv = 1.0 / ids.length;
        for (int f = 0; f < ids.length; f++) {
            int base = ids[f] * dim;
            double part = inv / count[f];
            for (int t = first[f]; t < first[f] + count[f]; t++) {
                double[] row = share[t];
                for (int d = 0; d < dim; d++) {
                    row[d] += embedding[base + d] * part;
                }
            }
        }
        return share;
    }

    /**
     * The exact decomposition of each label's logit over tokens. With {@code u_t = W1 · share_t} each
     * token's part of the hidden pre-activation {@code z = b1 + sum_t u_t} (exact, the network being
     * linear up to there), every hidden unit's change from the empty input, {@code tanh(z_j) - tanh(b1_j)},
     * is split over tokens in proportion to their {@code u_t,j} (the secant slope
     * {@code (tanh(z_j) - tanh(b1_j)) / (z_j - b1_j)}, the DeepLIFT "rescale" rule; the derivative when
     * {@code z_j = b1_j}), and the output layer is linear: {@code weight_k(t) = sum_j w2[k][j] * slope_j * u_t,j}.
     * So for every label the token weights sum exactly to {@code logit_k - logit_k(empty input)}.
     *
     * @return {@code [labels + 2][tokens or labels]}: rows {@code 0..labels-1} the weights per token,
     *         row {@code labels} the logits and row {@code labels + 1} the empty input's logits
     */
    public double[][] attribute(int[] ids, int[] first, int[] count, int tokens) {
        int labels = spec.labels();
        double[][] out = new double[labels + 2][];
        for (int k = 0; k < labels; k++) {
            out[k] = new double[tokens];
        }
        out[labels] = new double[labels];
        out[labels + 1] = new double[labels];
        int dim = spec.embeddingDim();
        int hidden = spec.hidden();
        double[][] share = ids.length == 0 ? new double[tokens][dim] : shares(ids, first, count, tokens);
        double[][] u = new double[tokens][hidden];
        double[] z = new double[hidden];
        for (int j = 0; j < hidden; j++) {
            int base = j * dim;
            double sum = b1[j];
            for (int t = 0; t < tokens; t++) {
                double s = 0;
                for (int d = 0; d < dim; d++) {
                    s += w1[base + d] * share[t][d];
                }
                u[t][j] = s;
                sum += s;
            }
            z[j] = sum;
        }
        double[] slope = new double[hidden];
        double[] h = new double[hidden];
        double[] h0 = new double[hidden];
        for (int j = 0; j < hidden; j++) {
            h[j] = Math.tanh(z[j]);
            h0[j] = Math.tanh(b1[j]);
            double dz = z[j] - b1[j];
            slope[j] = Math.abs(dz) > 1e-12 ? (h[j] - h0[j]) / dz : 1 - h[j] * h[j];
        }
        for (int k = 0; k < labels; k++) {
            int base = k * hidden;
            double logit = b2[k];
            double empty = b2[k];
            for (int j = 0; j < hidden; j++) {
                logit += w2[base + j] * h[j];
                empty += w2[base + j] * h0[j];
            }
            out[labels][k] = logit;
            out[labels + 1][k] = empty;
            for (int t = 0; t < tokens; t++) {
                double w = 0;
                for (int j = 0; j < hidden; j++) {
                    w += w2[base + j] * slope[j] * u[t][j];
                }
                out[k][t] = w;
            }
        }
        return out;
    }
}
