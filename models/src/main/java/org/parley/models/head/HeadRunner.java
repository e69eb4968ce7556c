package org.parley.models.head;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.parley.models.encoder.TokenStates;

/**
 * Runs a head network for many threads. DL4J networks are not thread-safe (deeplearning4j issue
 * #9993), so the runner keeps one copy per core and lends each call a copy of its own.
 * Thread-safe.
 */
public final class HeadRunner {

    private final HeadSpec spec;
    private final BlockingQueue<MultiLayerNetwork> pool;

    public HeadRunner(HeadSpec spec, float[] params, int copies) {
        this.spec = spec;
        this.pool = new ArrayBlockingQueue<>(copies);
        MultiLayerNetwork first = HeadNetworks.withParameters(spec, params);
        pool.add(first);
        for (int i = 1; i < copies; i++) {
            pool.add(first.clone());
        }
    }

    /** Per-label probabilities for each sentence, computed one sentence at a time. */
    public double[][] scores(List<TokenStates> states) {
        MultiLayerNetwork net;
        try {
            net = pool.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a free head network", e);
        }
        try {
            double[][] out = new double[states.size()][];
            for (int i = 0; i < states.size(); i++) {
                INDArray[] in = HeadNetworks.inputs(spec, List.of(states.get(i)));
                INDArray o = net.output(in[0], false, in[1], null);
                out[i] = o.toDoubleVector();
            }
            return out;
        } finally {
            pool.add(net);
        }
    }
}
