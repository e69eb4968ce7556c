package org.parley.encoder.head;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;

import org.parley.core.ModelFormatException;
import org.parley.encoder.TokenStates;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * Inference for a trained head on its DL4J parameters, without the DL4J layer stack. For the
 * convolutional head, the only heavy step — the token states times the kernel-offset weight blocks
 * side by side, {@code [tokens, inputDim] x [inputDim, kernel * hidden]} — runs in ONNX Runtime (a
 * one-node graph written by {@link MatMulGraph}), the runtime the encoder already uses, so no second
 * native thread pool competes with it; shifting and summing the blocks ("same" padding), bias, ReLU,
 * max over tokens and the small sigmoid output layer run in plain Java. The pooled head is small
 * enough to run in Java entirely. It computes what the DL4J network computes (HeadKernelTest checks
 * they agree). Weights are read-only and ONNX Runtime sessions may run concurrently, so the kernel is
 * thread-safe; {@link #close()} releases the native session.
 */
public final class HeadKernel implements AutoCloseable {

    private final HeadSpec spec;
    private final OrtEnvironment env;
    private final OrtSession product; // conv: x · [inputDim, kernel * hidden], block j = weights of offset j
    private final float[] w0;          // pooled: [inputDim][hidden] row-major
    private final float[] b0;          // [hidden]
    private final float[] w1;          // [hidden][labels] row-major
    private final float[] b1;          // [labels]

    /**
     * @param params the head's parameters in the layout {@code parley-head-1} (docs/archive-format.md): for
     *               the conv head, conv bias [hidden] then conv weights [kernel][inputDim][hidden], then the
     *               output weights (hidden-minor: [labels][hidden]) and bias; for the pooled head, dense
     *               weights ([hidden][inputDim]) and bias, then the output layer. The training module
     *               checks that DL4J's networks compute what this kernel computes (HeadKernelTest).
     */
    public HeadKernel(HeadSpec spec, float[] params) {
        this.spec = spec;
        int dim = spec.inputDim();
        int hidden = spec.hidden();
        int labels = spec.labels();
        if (params.length != parameterCount(spec)) {
            throw new IllegalArgumentException("expected " + parameterCount(spec) + " head parameters, got " + params.length);
        }
        int at;
        if (spec.usesTokens()) {
            int k = spec.kernel();
            b0 = java.util.Arrays.copyOfRange(params, 0, hidden);
            float[] blocks = new float[dim * k * hidden];
            for (int j = 0; j < k; j++) {
                for (int d = 0; d < dim; d++) {
                    System.arraycopy(params, hidden + (j * dim + d) * hidden, blocks, d * k * hidden + j * hidden, hidden);
                }
            }
            env = OrtEnvironment.getEnvironment();
            product = session(env, MatMulGraph.model(blocks, dim, k * hidden));
            w0 = null;
            at = hidden + k * dim * hidden;
        } else {
            env = null;
            product = null;
            w0 = transpose(params, 0, dim, hidden); // [inputDim][hidden] row-major
            b0 = java.util.Arrays.copyOfRange(params, dim * hidden, dim * hidden + hidden);
            at = dim * hidden + hidden;
        }
        w1 = transpose(params, at, hidden, labels); // [hidden][labels] row-major
        b1 = java.util.Arrays.copyOfRange(params, at + hidden * labels, at + hidden * labels + labels);
    }

    /** Number of parameters of a head of this shape. */
    public static long parameterCount(HeadSpec spec) {
        long first = spec.usesTokens() ? (long) spec.kernel() * spec.inputDim() * spec.hidden() + spec.hidden()
                : (long) spec.inputDim() * spec.hidden() + spec.hidden();
        return first + (long) spec.hidden() * spec.labels() + spec.labels();
    }

    /** A column-major [rows, cols] block of {@code p} at {@code offset}, as a row-major array. */
    private static float[] transpose(float[] p, int offset, int rows, int cols) {
        float[] out = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r * cols + c] = p[offset + r + c * rows];
            }
        }
        return out;
    }

    /** Per-label probabilities for each sentence, one sentence at a time. */
    public double[][] scores(List<TokenStates> states) {
        double[][] out = new double[states.size()][];
        for (int i = 0; i < states.size(); i++) {
            out[i] = scores(states.get(i));
        }
        return out;
    }

    public double[] scores(TokenStates s) {
        float[] h = spec.usesTokens() ? convolveAndPool(s.tokens()) : dense(s.pooled());
        return output(h);
    }

    /** ReLU(conv(x) + b0), max over tokens. */
    private float[] convolveAndPool(float[][] x) {
        int t = x.length;
        int dim = spec.inputDim();
        int hidden = spec.hidden();
        int k = spec.kernel();
        int pad = (k - 1) / 2;
        float[] flat = new float[t * dim];
        for (int row = 0; row < t; row++) {
            System.arraycopy(x[row], 0, flat, row * dim, dim);
        }
        float[] y = multiply(flat, t); // [t, k * hidden]
        float[] pooled = new float[hidden];
        float[] z = new float[hidden];
        int stride = k * hidden;
        for (int row = 0; row < t; row++) {
            System.arraycopy(b0, 0, z, 0, hidden);
            for (int j = 0; j < k; j++) {
                int src = row - pad + j;
                if (src >= 0 && src < t) {
                    int base = src * stride + j * hidden;
                    for (int c = 0; c < hidden; c++) {
                        z[c] += y[base + c];
                    }
                }
            }
            for (int c = 0; c < hidden; c++) {
                // after ReLU every value is >= 0, so 0 is the identity for the max
                pooled[c] = Math.max(pooled[c], z[c]);
            }
        }
        return pooled;
    }

    private float[] multiply(float[] x, int rows) {
        try (OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {rows, spec.inputDim()});
             OrtSession.Result r = product.run(Map.of("x", in))) {
            FloatBuffer b = ((OnnxTensor) r.get(0)).getFloatBuffer();
            float[] y = new float[b.remaining()];
            b.get(y);
            return y;
        } catch (OrtException e) {
            throw new IllegalStateException("The head's matrix product failed in ONNX Runtime: " + e.getMessage(), e);
        }
    }

    private static OrtSession session(OrtEnvironment env, byte[] model) {
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            opts.addConfigEntry("session.intra_op.allow_spinning", "0");
            // one thread: the product is small, and a hand-off to pool threads costs more than it saves;
            // callers that want parallelism classify on several threads
            opts.setIntraOpNumThreads(Integer.getInteger("parley.head.threads", 1));
            return env.createSession(model, opts);
        } catch (OrtException e) {
            throw new ModelFormatException("Cannot start the head's matrix product in ONNX Runtime: " + e.getMessage(), e);
        }
    }

    /** Releases the native session; idempotent. */
    @Override
    public void close() {
        if (product != null) {
            try {
                product.close();
            } catch (OrtException e) {
                // nothing more can be released
            }
        }
    }

    /** ReLU(x W0 + b0) for the pooled head. */
    private float[] dense(float[] x) {
        int hidden = spec.hidden();
        float[] z = b0.clone();
        for (int d = 0; d < x.length; d++) {
            float v = x[d];
            int base = d * hidden;
            for (int c = 0; c < hidden; c++) {
                z[c] += v * w0[base + c];
            }
        }
        for (int c = 0; c < hidden; c++) {
            z[c] = Math.max(0f, z[c]);
        }
        return z;
    }

    private double[] output(float[] h) {
        int labels = spec.labels();
        double[] o = new double[labels];
        for (int l = 0; l < labels; l++) {
            o[l] = b1[l];
        }
        for (int c = 0; c < h.length; c++) {
            float v = h[c];
            if (v != 0f) {
                int base = c * labels;
                for (int l = 0; l < labels; l++) {
                    o[l] += v * w1[base + l];
                }
            }
        }
        for (int l = 0; l < labels; l++) {
            o[l] = 1 / (1 + Math.exp(-o[l]));
        }
        return o;
    }
}
