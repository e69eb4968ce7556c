package org.parley.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.parley.core.Corpus;
import org.parley.core.CorpusSplit;
import org.parley.core.LabelSet;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code stance models curve}: learning curves over shares of the train split. */
@Command(name = "curve", mixinStandardHelpOptions = true,
        description = {"Learning curve: train on nested, seeded shares of the train split and score each model on dev, test",
                "and the real-world files; with --exclude-ids the sentences whose ids match are left out of every split first",
                "(e.g. the curve before an addition). Prints a Markdown row per model as it is trained."})
final class ModelsCurveCommand implements Callable<Integer> {
    @Mixin
    ModelsCommand.CorpusOptions data;

    @Option(names = "--kinds", split = ",", defaultValue = "fast,default", description = "fast and/or default (default: ${DEFAULT-VALUE}).")
    List<String> kinds;

    @Option(names = "--fractions", split = ",", defaultValue = "0.25,0.5,0.75,1", description = "Shares of train (default: ${DEFAULT-VALUE}).")
    List<Double> fractions;

    @Option(names = "--exclude-ids", paramLabel = "REGEX", description = "Leave out sentences whose id matches.")
    String excludeIds;

    @Option(names = "--real", paramLabel = "FILE", split = ",", defaultValue = "../shared/eval/real_check.tsv",
            description = "Real-world files, scored only (default: ${DEFAULT-VALUE}).")
    List<Path> realFiles;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--head-patience", defaultValue = "5",
            description = "Early-stopping patience of the default kind's head (default: ${DEFAULT-VALUE}, as shipped).")
    int headPatience;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Corpus all = Corpus.read(data.corpus, LabelSet.standard());
        if (excludeIds != null) {
            java.util.regex.Pattern p = java.util.regex.Pattern.compile(excludeIds);
            all = all.filter(s -> !p.matcher(s.id()).matches());
        }
        CorpusSplit split = CorpusSplit.byConflict(all, data.corpus.resolve("splits.tsv"));
        List<Corpus> real = new ArrayList<>();
        List<String> realNames = new ArrayList<>();
        for (Path f : realFiles) {
            if (Files.exists(f)) {
                real.add(Corpus.read(f, LabelSet.standard()));
                realNames.add(f.getFileName().toString().replaceFirst("\\.tsv$", ""));
            }
        }
        List<org.parley.training.LearningCurve.Kind> ks = kinds.stream().map(k -> switch (k) {
            case "fast" -> org.parley.training.LearningCurve.Kind.FAST;
            case "default" -> org.parley.training.LearningCurve.Kind.DEFAULT;
            default -> throw new CliException("--kinds takes fast and/or default, not '" + k + "'");
        }).toList();
        out.printf(Locale.ROOT, "corpus %s%s: train %d, dev %d, test %d%n%n", data.corpus,
                excludeIds == null ? "" : " without ids matching " + excludeIds, split.train().size(), split.dev().size(), split.test().size());
        out.println("| model | share of train | train sentences | dev | test | " + String.join(" | ", realNames) + " | train s |");
        out.println("|---|---:|---:|---:|---:|" + "---:|".repeat(realNames.size()) + "---:|");
        out.flush();
        new org.parley.training.LearningCurve(split, real, seed, data.cache, headPatience).run(ks, fractions, pt -> {
            out.printf(Locale.ROOT, "| %s | %.0f%% | %d | %.3f | %.3f | %s | %.0f |%n", pt.kind().name().toLowerCase(Locale.ROOT),
                    pt.fraction() * 100, pt.trainSentences(), pt.dev().macroF1(), pt.test().macroF1(),
                    String.join(" | ", pt.extra().stream().map(e -> String.format(Locale.ROOT, "%.3f", e.macroF1())).toList()),
                    pt.trainSeconds());
            out.flush();
        });
        return 0;
    }
}
