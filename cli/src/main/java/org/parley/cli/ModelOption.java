package org.parley.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import org.parley.core.ModelFormatException;
import org.parley.core.Parley;
import org.parley.core.StanceClassifier;

import picocli.CommandLine.Option;

/**
 * The {@code --model NAME|PATH} option shared by the commands that classify. A value is a file path
 * when it contains a '/' (or '\') or ends in {@code .zip}; otherwise it is the name of a shipped model,
 * whatever files the working directory holds, so a file or folder called {@code fast} never shadows the
 * shipped model of that name ({@code ./fast} loads the file).
 */
final class ModelOption {

    @Option(names = {"-m", "--model"}, paramLabel = "NAME|PATH", defaultValue = Parley.DEFAULT_MODEL,
            description = "A shipped model name (e.g. fast) or a model archive file: a path containing '/' or ending in .zip"
                    + " (./NAME for a file in the working directory). Default: ${DEFAULT-VALUE}.")
    String model;

    /** Whether the value names a file rather than a shipped model. */
    boolean isPath() {
        return isPath(model);
    }

    private static boolean isPath(String value) {
        return value.contains("/") || value.contains("\\") || value.endsWith(".zip");
    }

    StanceClassifier load() {
        return load(model);
    }

    /** Loads a model given as this option takes it: a shipped model's name, or a path. */
    static StanceClassifier load(String value) {
        if (isPath(value)) {
            return Parley.load(Path.of(value));
        }
        try {
            return Parley.load(value);
        } catch (ModelFormatException | IllegalArgumentException e) {
            if (Files.exists(Path.of(value))) {
                throw new CliException(e.getMessage() + " (to load the file " + value + ", write ./" + value + ")", e);
            }
            throw e;
        }
    }

    /** The model as a setting of a run: its name, or the file's absolute path, size and modification time. */
    String identity() {
        if (!isPath()) {
            return model;
        }
        Path p = Path.of(model).toAbsolutePath().normalize();
        if (!Files.exists(p)) {
            return p.toString(); // loading it will say what is wrong
        }
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return p + " (" + a.size() + " bytes, modified " + a.lastModifiedTime().toMillis() + ")";
        } catch (IOException e) {
            throw new UncheckedIOException(model + ": cannot read the model file: " + IoReason.of(e), e);
        }
    }
}
