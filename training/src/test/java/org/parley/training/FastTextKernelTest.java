package org.parley.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.parley.core.features.FeatureSettings;
import org.parley.core.model.FastTextKernel;
import org.parley.core.model.FastTextSpec;

class FastTextKernelTest {

    private static final FastTextSpec SPEC = new FastTextSpec(new FeatureSettings(512, 2, 3, 5), 8, 6, 3);

    private static int[][] randomIds(Random rnd, int n) {
        int[][] ids = new int[n][];
        for (int i = 0; i < n; i++) {
            ids[i] = new int[1 + rnd.nextInt(20)];
            for (int j = 0; j < ids[i].length; j++) {
                ids[i][j] = rnd.nextInt(SPEC.features().buckets());
            }
        }
        return ids;
    }

    @Test
    void kernelComputesWhatTheDl4jNetworkComputes() {
        Random rnd = new Random(7);
        float[] params = new float[SPEC.parameterCount()];
        for (int i = 0; i < params.length; i++) {
            params[i] = (float) rnd.nextGaussian() * 0.5f;
        }
        MultiLayerNetwork net = FastTextNetwork.withParameters(SPEC, params);
        FastTextKernel kernel = new FastTextKernel(SPEC, params);
        int[][] ids = randomIds(rnd, 16);
        INDArray[] xm = FastTextNetwork.batch(ids);
        INDArray out = net.output(xm[0], false, xm[1], null);
        for (int i = 0; i < ids.length; i++) {
            double[] k = kernel.scores(ids[i]);
            for (int j = 0; j < SPEC.labels(); j++) {
                assertEquals(out.getDouble(i, j), k[j], 1e-5, "sentence " + i + " label " + j);
            }
        }
    }

    @Test
    void trainingLowersTheLossOnALearnableTask() {
        Random rnd = new Random(3);
        int[][] ids = randomIds(rnd, 64);
        float[][] y = new float[ids.length][SPEC.labels()];
        for (int i = 0; i < ids.length; i++) {
            for (int id : ids[i]) {
                y[i][id % 3] = 1f; // label k present when some id is congruent to k
            }
            y[i][0] = ids[i][0] < 256 ? 1f : 0f;
        }
        MultiLayerNetwork net = FastTextNetwork.create(SPEC, 1, 0.05, 0, 0);
        INDArray[] xm = FastTextNetwork.batch(ids);
        DataSet ds = new DataSet(xm[0], Nd4j.create(y), xm[1], null);
        double before = net.score(ds);
        for (int i = 0; i < 200; i++) {
            net.fit(ds);
        }
        double after = net.score(ds);
        assertTrue(after < before * 0.7, "loss " + before + " -> " + after);
    }
}
