package org.parley.training;

import org.parley.encoder.head.HeadKernel;
import org.parley.encoder.head.HeadSpec;
import java.util.List;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
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
import org.parley.encoder.TokenStates;

/** Builds head networks from a {@link HeadSpec} and packs encoder outputs into their inputs. */
public final class HeadNetworks {

    private HeadNetworks() {
    }

    public static MultiLayerNetwork create(HeadSpec spec, long seed, double learningRate, double l2) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(spec, seed, learningRate, l2));
        net.init();
        return net;
    }

    public static MultiLayerNetwork withParameters(HeadSpec spec, float[] params) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(spec, 0, 1e-3, 0));
        net.init();
        if (params.length != net.numParams()) {
            throw new IllegalArgumentException("The head needs " + net.numParams() + " parameters, got " + params.length);
        }
        net.setParams(Nd4j.createFromArray(params).reshape(1, params.length));
        return net;
    }

    /** Number of parameters a head of this shape has. */
    public static long parameterCount(HeadSpec spec) {
        return HeadKernel.parameterCount(spec);
    }

    public static float[] parameters(MultiLayerNetwork net) {
        return net.params().castTo(DataType.FLOAT).toFloatVector();
    }

    static MultiLayerConfiguration configuration(HeadSpec spec, long seed, double learningRate, double l2) {
        var list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.XAVIER)
                .l2(l2)
                .list();
        if (spec.type() == HeadSpec.Type.POOLED) {
            list.layer(new DenseLayer.Builder().nIn(spec.inputDim()).nOut(spec.hidden()).activation(Activation.RELU)
                            .dropOut(1.0 - spec.dropout()).build())
                    .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nIn(spec.hidden()).nOut(spec.labels())
                            .activation(Activation.SIGMOID).dropOut(1.0 - spec.dropout()).build())
                    .setInputType(InputType.feedForward(spec.inputDim()));
        } else {
            list.layer(new Convolution1DLayer.Builder().nIn(spec.inputDim()).nOut(spec.hidden()).kernelSize(spec.kernel())
                            .stride(1).convolutionMode(ConvolutionMode.Same).activation(Activation.RELU)
                            .dropOut(1.0 - spec.dropout() / 2).build())
                    .layer(new GlobalPoolingLayer.Builder(PoolingType.MAX).build())
                    .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nIn(spec.hidden()).nOut(spec.labels())
                            .activation(Activation.SIGMOID).dropOut(1.0 - spec.dropout()).build())
                    .setInputType(InputType.recurrent(spec.inputDim()));
        }
        return list.build();
    }

    /**
     * Network inputs for sentences: [features, mask]; the mask is null for pooled heads. Token
     * inputs are [batch, dim, maxTokens] with a [batch, maxTokens] mask.
     */
    public static INDArray[] inputs(HeadSpec spec, List<TokenStates> states) {
        int n = states.size();
        int dim = spec.inputDim();
        if (!spec.usesTokens()) {
            float[][] x = new float[n][];
            for (int i = 0; i < n; i++) {
                x[i] = states.get(i).pooled();
            }
            return new INDArray[] {Nd4j.create(x), null};
        }
        int max = 1;
        for (TokenStates s : states) {
            max = Math.max(max, s.tokens().length);
        }
        float[] x = new float[n * dim * max];
        float[][] m = new float[n][max];
        for (int i = 0; i < n; i++) {
            float[][] t = states.get(i).tokens();
            for (int j = 0; j < t.length; j++) {
                m[i][j] = 1f;
                for (int d = 0; d < dim; d++) {
                    x[(i * dim + d) * max + j] = t[j][d];
                }
            }
        }
        return new INDArray[] {Nd4j.create(x, new long[] {n, dim, max}, 'c'), Nd4j.create(m)};
    }
}
