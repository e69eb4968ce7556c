package org.parley.training;

import org.junit.jupiter.params.provider.EnumSource;
import org.parley.encoder.head.HeadKernel;
import org.parley.encoder.head.HeadSpec;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.parley.encoder.TokenStates;

class HeadKernelTest {

    @ParameterizedTest
    @EnumSource(HeadSpec.Type.class)
    void kernelComputesWhatTheDl4jHeadComputes(HeadSpec.Type type) {
        HeadSpec spec = new HeadSpec(type, 12, 7, 3, 4, 0.3);
        MultiLayerNetwork trainedShape = HeadNetworks.create(spec, 9, 1e-3, 0);
        float[] params = HeadNetworks.parameters(trainedShape);
        assertEquals(trainedShape.numParams(), HeadNetworks.parameterCount(spec), "the count computed without DL4J");
        Random rnd = new Random(1);
        for (int i = 0; i < params.length; i++) {
            params[i] += (float) rnd.nextGaussian() * 0.3f; // biases too, so they are exercised
        }
        MultiLayerNetwork net = HeadNetworks.withParameters(spec, params);
        HeadKernel kernel = new HeadKernel(spec, params);
        List<TokenStates> states = new ArrayList<>();
        for (int n : new int[] {1, 2, 3, 9, 20}) {
            float[][] t = new float[n][12];
            for (float[] row : t) {
                for (int d = 0; d < 12; d++) {
                    row[d] = (float) rnd.nextGaussian();
                }
            }
            float[] pooled = new float[12];
            for (int d = 0; d < 12; d++) {
                pooled[d] = (float) rnd.nextGaussian();
            }
            states.add(new TokenStates(t, pooled));
        }
        for (TokenStates s : states) {
            INDArray[] in = HeadNetworks.inputs(spec, List.of(s));
            double[] expected = net.output(in[0], false, in[1], null).toDoubleVector();
            double[] got = kernel.scores(s);
            for (int k = 0; k < expected.length; k++) {
                assertEquals(expected[k], got[k], 1e-5, type + " tokens=" + s.tokens().length + " label " + k);
            }
        }
    }
}
