package org.parley.models.head;

import java.util.List;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.parley.models.encoder.TokenStates;

/**
 * Inference for a trained head with a few ND4J matrix operations on its DL4J parameters, instead of
 * the DL4J layer stack: the convolution becomes one matrix product over the sentence's token windows
 * (im2col), followed by ReLU, max over tokens and the sigmoid output layer. It computes what the DL4J
 * network computes (a test checks they agree) at a fraction of the per-call overhead. Weights are
 * read-only and every call allocates its own arrays, so the kernel is thread-safe.
 */
public final class HeadKernel {

    private final HeadSpec spec;
    private final INDArray w0t; // conv: [inputDim * kernel, hidden]; pooled: [inputDim, hidden]
    private final INDArray b0;  // [1, hidden]
    private final INDArray w1;  // [hidden, labels]
    private final INDArray b1;  // [1, labels]

    public HeadKernel(HeadSpec spec, float[] params) {
        this.spec = spec;
        MultiLayerNetwork net = HeadNetworks.withParameters(spec, params);
        int out = spec.type().equals(HeadSpec.CONV) ? 2 : 1;
        INDArray w = net.getLayer(0).getParam("W");
        if (spec.type().equals(HeadSpec.CONV)) {
            // DL4J reports 1-D convolution weights as [hidden, inputDim, kernel, 1], but read flat its
            // buffer runs kernel offset, then input channel, then filter: exactly [kernel * inputDim, hidden]
            // (the layout HeadKernelTest checks against the DL4J network)
            long n = (long) spec.hidden() * spec.inputDim() * spec.kernel();
            w0t = w.reshape(n).dup().reshape('c', (long) spec.kernel() * spec.inputDim(), spec.hidden());
        } else {
            w0t = w.dup('c');
        }
        b0 = net.getLayer(0).getParam("b").dup().reshape(1, spec.hidden());
        w1 = net.getLayer(out).getParam("W").dup('c');
        b1 = net.getLayer(out).getParam("b").dup().reshape(1, spec.labels());
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
        INDArray h;
        if (spec.type().equals(HeadSpec.CONV)) {
            INDArray z = im2col(s.tokens()).mmul(w0t).addiRowVector(b0);
            h = Transforms.relu(z, false).max(true, 0);
        } else {
            INDArray x = Nd4j.create(s.pooled(), new long[] {1, spec.inputDim()}, 'c');
            h = Transforms.relu(x.mmul(w0t).addiRowVector(b0), false);
        }
        INDArray o = Transforms.sigmoid(h.mmul(w1).addiRowVector(b1), false);
        return o.castTo(DataType.DOUBLE).toDoubleVector();
    }

    /** Token windows for a "same"-padded convolution: row t holds x[t - pad + j][d] at column j * inputDim + d. */
    private INDArray im2col(float[][] x) {
        int t = x.length;
        int dim = spec.inputDim();
        int k = spec.kernel();
        int pad = (k - 1) / 2;
        float[] col = new float[t * dim * k];
        for (int row = 0; row < t; row++) {
            int base = row * dim * k;
            for (int j = 0; j < k; j++) {
                int src = row - pad + j;
                if (src >= 0 && src < t) {
                    System.arraycopy(x[src], 0, col, base + j * dim, dim);
                }
            }
        }
        return Nd4j.create(col, new long[] {t, (long) dim * k}, 'c');
    }
}
