package org.parley.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.parley.core.Parley;
import org.parley.core.StanceClassifier;

import picocli.CommandLine.Option;

/** The {@code --model NAME|PATH} option shared by the commands that classify. */
final class ModelOption {

    @Option(names = {"-m", "--model"}, paramLabel = "NAME|PATH", defaultValue = Parley.DEFAULT_MODEL,
            description = "A shipped model name (e.g. fast) or a model archive file. Default: ${DEFAULT-VALUE}.")
    String model;

    StanceClassifier load() {
        boolean looksLikePath = model.contains("/") || model.contains("\\") || model.endsWith(".zip");
        if (looksLikePath || Files.exists(Path.of(model))) {
            return Parley.load(Path.of(model));
        }
        return Parley.load(model);
    }
}
