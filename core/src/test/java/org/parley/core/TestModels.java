package org.parley.core;

import java.util.Map;
import java.util.Random;

import org.parley.core.archive.ModelArchive;
import org.parley.core.archive.ModelHeader;
import org.parley.core.features.FeatureSettings;
import org.parley.core.model.FastTextClassifier;
import org.parley.core.model.FastTextSpec;

/** Small fast models with random weights, for tests that need a model but not a trained one. */
final class TestModels {

    private TestModels() {
    }

    static FastTextClassifier random(long seed) {
        LabelSet labels = LabelSet.standard();
        FastTextSpec spec = new FastTextSpec(new FeatureSettings(1024, 2, 3, 5), 8, 8, labels.size());
        Random rnd = new Random(seed);
        float[] params = new float[spec.parameterCount()];
        for (int i = 0; i < params.length; i++) {
            params[i] = (float) rnd.nextGaussian();
        }
        double[] th = new double[labels.size()];
        java.util.Arrays.fill(th, 0.5);
        ModelInfo info = new ModelInfo("random", FastTextClassifier.KIND, ModelArchive.FORMAT_VERSION, "", "0".repeat(64), seed,
                java.time.Instant.parse("2026-01-01T00:00:00Z"), 0, new ModelInfo.DevMetrics(0, 0, 0, 0, Map.of()));
        return new FastTextClassifier(spec, params, new ModelHeader(labels, th, info));
    }
}
