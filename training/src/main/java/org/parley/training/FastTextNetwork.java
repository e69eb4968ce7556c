package org.parley.training;

import org.parley.core.model.FastTextSpec;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds the DL4J network of a {@link FastTextSpec}: {@code EmbeddingSequenceLayer} → masked
 * global average pooling → dense (tanh, dropout) → sigmoid outputs trained with binary
 * cross-entropy. The embedding table starts at zero so that buckets no training sentence touches
 * stay zero (and compress to nothing in the archive). Not thread-safe: the returned network is
 * for one thread (training, or checking the inference kernel).
 */
public final class FastTextNetwork {

    private FastTextNetwork() {
    }

    /** A freshly initialised network for training. */
    public static MultiLayerNetwork create(FastTextSpec spec, long seed, double learningRate, double dropout, double l2) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(spec, seed, learningRate, dropout, l2));
        net.init();
        return net;
    }

    /** A network holding the given flattened parameters (DL4J's own layout). */
    public static MultiLayerNetwork withParameters(FastTextSpec spec, float[] params) {
        if (params.length != spec.parameterCount()) {
            throw new IllegalArgumentException("Expected " + spec.parameterCount() + " parameters, got " + params.length);
        }
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(spec, 0, 1e-3, 0, 0));
        net.init(Nd4j.createFromArray(params).reshape(1, params.length), true);
        return net;
    }

    /** The flattened parameters of a network (DL4J's own layout). */
    public static float[] parameters(MultiLayerNetwork net) {
        return net.params().castTo(DataType.FLOAT).toFloatVector();
    }

    static MultiLayerConfiguration configuration(FastTextSpec spec, long seed, double learningRate, double dropout, double l2) {
        int dim = spec.embeddingDim();
        DenseLayer.Builder dense = new DenseLayer.Builder().nIn(dim).nOut(spec.hidden()).activation(Activation.TANH)
                .weightInit(WeightInit.XAVIER);
        if (dropout > 0) {
            dense.dropOut(1.0 - dropout); // DL4J takes the retain probability
        }
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(learningRate))
                .l2(l2)
                .list()
                .layer(new EmbeddingSequenceLayer.Builder().nIn(spec.features().buckets()).nOut(dim)
                        .inferInputLength(true).hasBias(false).activation(Activation.IDENTITY)
                        .weightInit(WeightInit.ZERO).l2(0).build())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(dense.build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nIn(spec.hidden()).nOut(spec.labels())
                        .activation(Activation.SIGMOID).weightInit(WeightInit.XAVIER).build())
                .build();
    }

    /**
     * Packs feature-id sequences into a padded id matrix and a mask, both [batch, maxLength].
     * Sequences must be non-empty.
     */
    public static INDArray[] batch(int[][] ids) {
        int max = 1;
        for (int[] s : ids) {
            max = Math.max(max, s.length);
        }
        float[][] x = new float[ids.length][max];
        float[][] m = new float[ids.length][max];
        for (int i = 0; i < ids.length; i++) {
            for (int j = 0; j < ids[i].length; j++) {
                x[i][j] = ids[i][j];
                m[i][j] = 1f;
            }
        }
        return new INDArray[] {Nd4j.create(x), Nd4j.create(m)};
    }
}
