package org.parley.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.ServiceLoader;

import org.parley.core.archive.ModelArchive;
import org.parley.core.model.FastTextClassifier;
import org.parley.core.spi.ModelKind;

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
 * To train a model, use {@code org.parley.training.Trainer} in {@code org.parley:parley-training}.
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

    private static StanceClassifier fromContents(ModelArchive.Contents c) {
        String kind = org.parley.core.archive.ManifestFields.stringOrNull(c.manifest().get("kind"));
        kind = kind == null ? "" : kind;
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
        throw new ModelFormatException(c.source() + ": unknown model kind '" + org.parley.core.json.Safe.cap(kind, 40) + "'; this installation reads "
                + known + " (encoder models need org.parley:parley-models on the classpath)");
    }
}
