package org.parley.training;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.parley.encoder.EncoderId;
import org.parley.encoder.head.HeadSpec;

/**
 * Settings for training an encoder-tier model: which encoder and head, the head's optimiser
 * settings, and whether to blend in a fast model (trained with {@code fast}) with a weight chosen
 * on the development split. {@link #defaults()} is the design of the shipped default model.
 * Values are validated on construction. Immutable and thread-safe.
 *
 * @param modelName  name recorded in the archive
 * @param encoder    the pretrained encoder (its artifact must be on the classpath)
 * @param head       the head architecture
 * @param optimiser  optimiser settings of the head
 * @param blend      whether to blend the head's scores with a fast model's
 * @param fast       settings of that fast model
 * @param cacheDir   where encoder outputs are cached between runs; empty for a temporary folder
 */
public record EncoderTrainingConfig(String modelName, EncoderId encoder, HeadSpec.Type head, HeadTrainer.Settings optimiser,
                                    boolean blend, TrainingConfig fast, Optional<Path> cacheDir) {

    public EncoderTrainingConfig {
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(optimiser, "optimiser");
        Objects.requireNonNull(fast, "fast");
        Objects.requireNonNull(cacheDir, "cacheDir");
        if (!modelName.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("modelName must be 1-64 lower-case letters, digits, '.', '_' or '-', got '" + modelName + "'");
        }
    }

    /** The design of the shipped default model: E5-small-v2 (int8), conv head, blended with a fast model. */
    public static EncoderTrainingConfig defaults() {
        return new EncoderTrainingConfig("default", EncoderModelBuilder.DEFAULT_ENCODER, EncoderModelBuilder.DEFAULT_HEAD,
                HeadTrainer.Settings.defaults(), true, TrainingConfig.defaults(), Optional.empty());
    }

    public EncoderTrainingConfig withModelName(String v) {
        return new EncoderTrainingConfig(v, encoder, head, optimiser, blend, fast, cacheDir);
    }

    public EncoderTrainingConfig withEncoder(EncoderId v) {
        return new EncoderTrainingConfig(modelName, v, head, optimiser, blend, fast, cacheDir);
    }

    public EncoderTrainingConfig withHead(HeadSpec.Type v) {
        return new EncoderTrainingConfig(modelName, encoder, v, optimiser, blend, fast, cacheDir);
    }

    public EncoderTrainingConfig withOptimiser(HeadTrainer.Settings v) {
        return new EncoderTrainingConfig(modelName, encoder, head, v, blend, fast, cacheDir);
    }

    public EncoderTrainingConfig withBlend(boolean v) {
        return new EncoderTrainingConfig(modelName, encoder, head, optimiser, v, fast, cacheDir);
    }

    public EncoderTrainingConfig withFast(TrainingConfig v) {
        return new EncoderTrainingConfig(modelName, encoder, head, optimiser, blend, v, cacheDir);
    }

    public EncoderTrainingConfig withCacheDir(Path v) {
        return new EncoderTrainingConfig(modelName, encoder, head, optimiser, blend, fast, Optional.of(v));
    }
}
