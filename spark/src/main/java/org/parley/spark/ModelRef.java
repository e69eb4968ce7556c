package org.parley.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

import org.apache.spark.SparkFiles;
import org.apache.spark.sql.SparkSession;
import org.parley.core.ModelFormatException;
import org.parley.core.Parley;
import org.parley.core.StanceClassifier;

/**
 * Which model the executors load: a model shipped on the classpath ({@code "default"}, {@code "fast"})
 * or a model archive that the driver registered with Spark's file distribution
 * ({@link org.apache.spark.SparkContext#addFile(String)}) and each executor reads from its local copy
 * ({@link SparkFiles#get(String)}). Small and serializable: this, not the model, travels with the tasks.
 * Creating a reference never loads the model.
 */
public final class ModelRef implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;      // a shipped model's name, or the archive's file name for SparkFiles
    private final String digest;    // SHA-256 of the archive (first 16 bytes, hex); null for a shipped model

    private ModelRef(String name, String digest) {
        this.name = name;
        this.digest = digest;
    }

    /** A model shipped on the classpath (in the job jar), e.g. {@code "default"} or {@code "fast"}. */
    public static ModelRef named(String name) {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("Model name '" + name + "' is invalid: use lower-case letters, digits, '.', '_' or '-'"
                    + " (a model file is a path containing '/' or ending in .zip)");
        }
        return new ModelRef(name, null);
    }

    /**
     * A model archive file on the driver, distributed to every executor with {@code SparkContext.addFile}.
     * Two different archives of one session must have different file names (Spark keys files by name).
     *
     * @throws IllegalArgumentException if the file does not exist
     */
    public static ModelRef file(SparkSession spark, Path archive) {
        Objects.requireNonNull(spark, "spark");
        Path p = archive.toAbsolutePath().normalize();
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException(archive + ": no such model file");
        }
        String digest = digest(p);
        spark.sparkContext().addFile(p.toString());
        return new ModelRef(p.getFileName().toString(), digest);
    }

    /**
     * A model named as {@code stance --model} names one: a path when it contains '/' or '\' or ends in
     * {@code .zip} (distributed with {@link #file}), otherwise a shipped model's name.
     */
    public static ModelRef of(SparkSession spark, String nameOrPath) {
        Objects.requireNonNull(nameOrPath, "nameOrPath");
        if (isPath(nameOrPath)) {
            return file(spark, Path.of(nameOrPath));
        }
        return named(nameOrPath);
    }

    /** Whether {@code --model} names a file rather than a shipped model (the CLI's rule). */
    public static boolean isPath(String nameOrPath) {
        return nameOrPath.contains("/") || nameOrPath.contains("\\") || nameOrPath.endsWith(".zip");
    }

    /** Whether this is an archive distributed through Spark's file distribution. */
    public boolean isFile() {
        return digest != null;
    }

    /** The shipped model's name, or the archive's file name. */
    public String name() {
        return name;
    }

    /** The key of this model in an executor's {@link ExecutorModels}: the name, and the archive's digest. */
    String key() {
        return digest == null ? "classpath:" + name : "file:" + name + "@" + digest;
    }

    /** Loads the model (on an executor): from the classpath, or from this executor's copy of the archive. */
    StanceClassifier load() {
        if (digest == null) {
            return Parley.load(name);
        }
        Path local = Path.of(SparkFiles.get(name));
        if (!Files.isRegularFile(local)) {
            throw new ModelFormatException(name + ": the model archive did not reach this executor (looked for " + local + ")");
        }
        String got = digest(local);
        if (!got.equals(digest)) {
            throw new ModelFormatException(name + ": this executor's copy of the model archive differs from the driver's"
                    + " (SHA-256 " + got + ", expected " + digest + "); give each archive a file name of its own");
        }
        return Parley.load(local);
    }

    static String digest(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest(), 0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(p + ": cannot read the model file: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelRef r && r.key().equals(key());
    }

    @Override
    public int hashCode() {
        return key().hashCode();
    }

    @Override
    public String toString() {
        return key();
    }
}
