package org.parley.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.ServiceLoader;

import org.parley.core.archive.ModelArchive;
import org.parley.core.model.FastTextClassifier;
import org.parley.core.spi.ModelKind;
import org.parley.core.training.FastTextTrainer;

/**
 * Entry point: loads a {@link StanceClassifier}.
 *
 * <pre>{@code
 * try (StanceClassifier clf = Parley.load()) {
 *     Prediction p = clf.classify("Kenya stands ready to host the next round of talks.");
 *     System.out.println(p.labels());
 * }
 * }</pre>
 *
 * Models named by {@link #load(String)} are read from the classpath at
 * {@code org/parley/models/NAME.zip}; the artifact {@code org.parley:parley-models} ships them.
 * Thread-safe (stateless).
 */
public final class Parley {

    /** The name of the model {@link #load()} returns. */
    public static final String DEFAULT_MODEL = "default";
    private static final String RESOURCE_DIR = "org/parley/models/";

    private Parley() {
    }

    /**
     * The default model from the classpath.
     *
     * @throws ModelFormatException if it is absent (add {@code org.parley:parley-models}) or damaged
     */
    public static StanceClassifier load() {
        return load(DEFAULT_MODEL);
    }

    /**
     * A named model from the classpath, e.g. {@code "fast"}.
     *
     * @throws ModelFormatException if there is no such model or it is damaged
     */
    public static StanceClassifier load(String name) {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("Model name '" + name + "' is invalid: use lower-case letters, digits, '.', '_' or '-'");
        }
        String resource = RESOURCE_DIR + name + ".zip";
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        if (cl == null) {
            cl = Parley.class.getClassLoader();
        }
        InputStream in = cl.getResourceAsStream(resource);
        if (in == null && cl != Parley.class.getClassLoader()) {
            in = Parley.class.getClassLoader().getResourceAsStream(resource);
        }
        if (in == null) {
            throw new ModelFormatException("No model named '" + name + "' on the classpath (looked for " + resource
                    + "); add the dependency org.parley:parley-models, or load an archive file with Parley.load(Path)");
        }
        try (InputStream stream = in) {
            return fromContents(ModelArchive.read(stream, "classpath:" + resource));
        } catch (IOException e) {
            throw new ModelFormatException("Cannot read classpath:" + resource + ": " + e.getMessage(), e);
        }
    }

    /**
     * A model from an archive file written by {@link StanceClassifier#save(Path)}.
     *
     * @throws ModelFormatException if the file is missing, damaged or not a Parley model
     */
    public static StanceClassifier load(Path archive) {
        Objects.requireNonNull(archive, "archive");
        return fromContents(ModelArchive.read(archive));
    }

    /**
     * Trains a fast model on {@code train}, with early stopping and per-label thresholds tuned on
     * {@code dev}. The label set is the labels the training corpus uses (taxonomy order for the
     * standard labels). Save the result with {@link StanceClassifier#save(Path)}.
     *
     * @throws IllegalArgumentException if a corpus is empty or dev uses a label train lacks
     */
    public static StanceClassifier train(Corpus train, Corpus dev, TrainingConfig config) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(dev, "dev");
        Objects.requireNonNull(config, "config");
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
        return FastTextTrainer.train(train, dev, labels, config);
    }

    private static StanceClassifier fromContents(ModelArchive.Contents c) {
        String kind = c.manifest().path("kind").asText("");
        if (FastTextClassifier.KIND.equals(kind)) {
            return FastTextClassifier.fromArchive(c);
        }
        java.util.List<String> known = new java.util.ArrayList<>(java.util.List.of(FastTextClassifier.KIND));
        for (ModelKind k : ServiceLoader.load(ModelKind.class, Parley.class.getClassLoader())) {
            if (k.kind().equals(kind)) {
                return k.load(c);
            }
            known.add(k.kind());
        }
        throw new ModelFormatException(c.source() + ": unknown model kind '" + kind + "'; this installation reads "
                + known + " (encoder models need org.parley:parley-models on the classpath)");
    }
}
