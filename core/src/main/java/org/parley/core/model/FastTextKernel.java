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
}
