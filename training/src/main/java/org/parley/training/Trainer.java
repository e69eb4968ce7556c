package org.parley.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;

import org.parley.core.Corpus;
import org.parley.core.CorpusSplit;
import org.parley.core.LabelSet;
import org.parley.core.StanceClassifier;
import org.parley.core.model.FastTextClassifier;
import org.parley.encoder.EncoderClassifier;

/**
 * Trains Parley models of either kind on any label set: the labels are those the training corpus
 * uses (taxonomy order for the standard labels). Both kinds stop early on development macro-F1 and
 * tune per-label thresholds on the development corpus. Save a result with
 * {@link StanceClassifier#save(Path)} and load it with {@code Parley.load(Path)}. Thread-safe
 * (stateless); each call trains on the calling thread.
 *
 * <pre>{@code
 * Corpus train = Corpus.read(Path.of("train.tsv")), dev = Corpus.read(Path.of("dev.tsv"));
 * try (StanceClassifier fast = Trainer.trainFast(train, dev, TrainingConfig.defaults().withModelName("mine"));
 *      StanceClassifier accurate = Trainer.trainEncoder(train, dev, EncoderTrainingConfig.defaults().withModelName("mine-acc"))) {
 *     accurate.save(Path.of("mine-acc.zip"));
 * }
 * }</pre>
 */
public final class Trainer {

    private Trainer() {
    }

    /**
     * A fast model (hashed n-grams, a small network; microseconds per sentence).
     *
     * @throws IllegalArgumentException if a corpus is empty or dev uses a label train lacks
     */
    public static StanceClassifier trainFast(Corpus train, Corpus dev, TrainingConfig config) {
        Objects.requireNonNull(config, "config");
        LabelSet labels = labelsOf(train, dev);
        return FastTextTrainer.train(train, dev, labels, config);
    }

    /**
     * An encoder-tier model: the configured pretrained encoder with a trained head, blended with a
     * fast model when {@link EncoderTrainingConfig#blend()} is set.
     *
     * @throws IllegalArgumentException if a corpus is empty or dev uses a label train lacks
     * @throws org.parley.core.ModelFormatException if the encoder's artifact is not on the classpath
     */
    public static StanceClassifier trainEncoder(Corpus train, Corpus dev, EncoderTrainingConfig config) {
        Objects.requireNonNull(config, "config");
        LabelSet labels = labelsOf(train, dev);
        CorpusSplit split = new CorpusSplit(train, dev, Corpus.of(java.util.List.of()));
        Path cache = config.cacheDir().orElse(null);
        boolean temporary = cache == null;
        try {
            if (temporary) {
                cache = Files.createTempDirectory("parley-encodings");
            }
            EncoderModelBuilder builder = new EncoderModelBuilder(split, cache);
            EncoderClassifier head = builder.build(config.encoder(), config.head(),
                    config.blend() ? config.modelName() + "-head" : config.modelName(), config.optimiser());
            if (!config.blend()) {
                return head;
            }
            try (head) { // the blend shares the head's encoder, which stays open until the blend is closed
                FastTextClassifier fast = FastTextTrainer.train(train, dev, labels, config.fast());
                return builder.blend(head, fast, config.modelName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a folder for the encoding cache: " + e.getMessage(), e);
        } finally {
            if (temporary && cache != null) {
                deleteQuietly(cache);
            }
        }
    }

    private static LabelSet labelsOf(Corpus train, Corpus dev) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(dev, "dev");
        if (train.size() == 0 || dev.size() == 0) {
            throw new IllegalArgumentException("Training needs a non-empty training and development corpus (got "
                    + train.size() + " and " + dev.size() + " sentences)");
        }
        LabelSet labels = train.labelSet();
        for (String l : dev.labelNames()) {
            if (!labels.contains(l)) {
                throw new IllegalArgumentException("The development corpus uses label '" + l
                        + "', which no training sentence has; the training labels are " + labels.names());
            }
        }
        return labels;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover cache in the temporary folder is harmless
        }
    }
}
