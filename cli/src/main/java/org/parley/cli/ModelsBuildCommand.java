package org.parley.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.parley.core.CorpusSplit;
import org.parley.core.Parley;
import org.parley.core.StanceClassifier;
import org.parley.core.model.FastTextClassifier;
import org.parley.encoder.EncoderClassifier;
import org.parley.training.EncoderModelBuilder;
import org.parley.training.HeadTrainer;
import org.parley.training.Trainer;
import org.parley.training.TrainingConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code stance models build}: retrains the shipped models from the corpus. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Retrain every shipped model from the corpus with the shipped settings: fast, then default",
                "(encoder + head, blended with fast's scores at the weight that maximises dev macro-F1)."})
final class ModelsBuildCommand implements Callable<Integer> {
    @Mixin
    ModelsCommand.CorpusOptions data;

    @Option(names = "--out-dir", defaultValue = "models/src/main/resources/org/parley/models",
            description = "Where the archives go (default: ${DEFAULT-VALUE}).")
    Path outDir;

    @Option(names = "--only", description = "Build only this model: fast or default.")
    String only;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (only != null && !only.equals("fast") && !only.equals("default")) {
            throw new CliException("--only takes fast or default, not '" + only + "'");
        }
        PrintWriter out = spec.commandLine().getOut();
        CorpusSplit split = ModelsCommand.split(data.corpus);
        if (only == null || only.equals("fast")) {
            long t0 = System.nanoTime();
            try (StanceClassifier fast = Trainer.trainFast(split.train(), split.dev(), TrainingConfig.defaults())) {
                fast.save(outDir.resolve("fast.zip"));
                report(out, "fast", fast, split, t0);
            }
        }
        if (only == null || only.equals("default")) {
            long t0 = System.nanoTime();
            EncoderModelBuilder builder = new EncoderModelBuilder(split, data.cache);
            try (StanceClassifier fast = Parley.load(outDir.resolve("fast.zip"))) {
                if (!fast.info().corpusSha256().equals(split.train().sha256())) {
                    throw new CliException(outDir.resolve("fast.zip") + " was trained on another corpus; build it first (--only fast)");
                }
                EncoderClassifier head = builder.build(EncoderModelBuilder.DEFAULT_ENCODER, EncoderModelBuilder.DEFAULT_HEAD,
                        "default", HeadTrainer.Settings.defaults());
                // the blend shares the head's encoder, which is released when both are closed
                try (head; EncoderClassifier blended = builder.blend(head, (FastTextClassifier) fast, "default")) {
                    blended.save(outDir.resolve("default.zip"));
                    report(out, "default", blended, split, t0);
                }
            }
        }
        return 0;
    }

    private void report(PrintWriter out, String name, StanceClassifier clf, CorpusSplit split, long t0) {
        out.printf(Locale.ROOT, "%s: trained in %.1f s, dev macro-F1 %.3f, test macro-F1 %.3f -> %s%n", name,
                (System.nanoTime() - t0) / 1e9, clf.info().dev().macroF1(), ModelsCommand.evaluate(clf, split.test()).macroF1(),
                outDir.resolve(name + ".zip"));
        out.flush();
    }
}
