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
import org.parley.core.Evaluation;
import org.parley.core.LabelSet;
import org.parley.core.LabeledSentence;
import org.parley.core.StanceClassifier;
import org.parley.encoder.EncoderClassifier;
import org.parley.encoder.OnnxSentenceEncoder;
import org.parley.training.EncoderModelBuilder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code stance models report}: models and baselines on dev, test and real-world files. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Score the shipped models and the baselines on the dev and test splits and on real-world files"
                + " (default: ../shared/eval/real_tune.tsv and real_check.tsv), as Markdown (the tables of models/MODEL_CARD.md).")
final class ModelsReportCommand implements Callable<Integer> {
    @Mixin
    ModelsCommand.CorpusOptions data;

    @Option(names = "--real", paramLabel = "FILE", split = ",",
            defaultValue = "../shared/eval/real_tune.tsv,../shared/eval/real_check.tsv",
            description = "Real-world files (columns id, text, labels), reported only; missing files are skipped (default: ${DEFAULT-VALUE}).")
    List<Path> realFiles;

    @Option(names = "--models", split = ",", defaultValue = "fast,default",
            description = "Models to score: names or archive paths (default: ${DEFAULT-VALUE}).")
    List<String> models;

    @Option(names = "--baselines", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also score the keyword lexicon and the zero-shot baseline (default: ${DEFAULT-VALUE}).")
    boolean baselines;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CorpusSplit split = ModelsCommand.split(data.corpus);
        LabelSet labels = LabelSet.standard();
        List<String> setNames = new ArrayList<>(List.of("dev", "test"));
        List<Corpus> sets = new ArrayList<>(List.of(split.dev(), split.test()));
        for (Path f : realFiles) {
            if (Files.exists(f)) {
                setNames.add(f.getFileName().toString().replaceFirst("\\.tsv$", ""));
                sets.add(Corpus.read(f, labels));
            }
        }
        List<String> names = new ArrayList<>();
        List<List<Evaluation>> results = new ArrayList<>();
        if (baselines) {
            org.parley.training.baselines.KeywordLexicon lexicon = new org.parley.training.baselines.KeywordLexicon(labels);
            names.add("keyword lexicon (taxonomy cues)");
            results.add(sets.stream().map(c -> Evaluation.of(labels, gold(c), lexicon.labelsOf(ModelsCommand.texts(c)))).toList());
            try (OnnxSentenceEncoder enc = new OnnxSentenceEncoder(EncoderModelBuilder.DEFAULT_ENCODER, 0)) {
                var cacheStore = new org.parley.training.EncodingCache(data.cache);
                var zs = new org.parley.training.baselines.ZeroShotCosine(enc, labels);
                zs.tune(cacheStore.encode(enc, ModelsCommand.texts(split.dev())), split.dev().sentences().stream()
                        .map(x -> org.parley.training.FastTextTrainer.gold(x, labels)).toArray(boolean[][]::new));
                names.add("zero-shot cosine (" + enc.id().id() + ", thresholds tuned on dev)");
                results.add(sets.stream().map(c -> Evaluation.of(labels, gold(c), zs.labelsOf(cacheStore.encode(enc, ModelsCommand.texts(c))))).toList());
            }
        }
        for (String model : models) {
            try (StanceClassifier clf = ModelOption.load(model)) {
                if (clf instanceof EncoderClassifier enc && enc.lexicalWeight() > 0) {
                    names.add(model + ", head alone (no blend; thresholds tuned on dev)");
                    results.add(headAlone(enc, split, sets));
                }
                names.add(model + " model");
                results.add(sets.stream().map(c -> ModelsCommand.evaluate(clf, c)).toList());
            }
        }
        out.printf(Locale.ROOT, "### Summary: macro-F1 (test: %d sentences from %d conflicts unseen in training)%n%n",
                split.test().size(), split.test().sentences().stream().map(LabeledSentence::conflict).distinct().count());
        out.println("| system | " + String.join(" | ", setNames.stream().map(n -> n + " (" + sets.get(setNames.indexOf(n)).size() + ")").toList()) + " |");
        out.println("|---|" + "---:|".repeat(setNames.size()));
        for (int i = 0; i < names.size(); i++) {
            out.println("| " + names.get(i) + " | " + String.join(" | ", results.get(i).stream()
                    .map(e -> String.format(Locale.ROOT, "%.3f", e.macroF1())).toList()) + " |");
        }
        for (int i = 0; i < names.size(); i++) {
            out.printf(Locale.ROOT, "%n### %s: per label (precision / recall / F1, support)%n%n", names.get(i));
            out.println("| label | " + String.join(" | ", setNames) + " |");
            out.println("|---|" + "---:|".repeat(setNames.size()));
            for (var l : labels) {
                List<String> cells = new ArrayList<>();
                for (Evaluation e : results.get(i)) {
                    var m = e.label(l.name());
                    cells.add(String.format(Locale.ROOT, "%.2f / %.2f / %.2f, %d", m.precision(), m.recall(), m.f1(), m.support()));
                }
                out.println("| " + l.name() + " | " + String.join(" | ", cells) + " |");
            }
        }
        out.flush();
        return 0;
    }

    /** The default model's head without the fast-model blend, thresholds re-tuned on dev: what the blend adds. */
    private static List<Evaluation> headAlone(EncoderClassifier enc, CorpusSplit split, List<Corpus> sets) {
        LabelSet labels = enc.labels();
        try (EncoderClassifier head = enc.withBlend(null, 0, new org.parley.core.archive.ModelHeader(labels,
                new double[labels.size()], enc.info()))) {
            double[] th = org.parley.training.ThresholdTuner.tune(head.scores(ModelsCommand.texts(split.dev())), ModelsCommand.gold(split.dev(), labels),
                    labels.size());
            return sets.stream().map(c -> org.parley.training.FastTextTrainer.evaluate(labels, head.scores(ModelsCommand.texts(c)),
                    ModelsCommand.gold(c, labels), th)).toList();
        }
    }

    private static List<java.util.Set<String>> gold(Corpus c) {
        return c.sentences().stream().map(LabeledSentence::labels).toList();
    }

}
