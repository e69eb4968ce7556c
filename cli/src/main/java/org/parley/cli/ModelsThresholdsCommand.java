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
import org.parley.core.StanceClassifier;
import org.parley.core.model.FastTextClassifier;
import org.parley.encoder.EncoderClassifier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code stance models thresholds}: cross-validated choice of threshold rules. */
@Command(name = "thresholds", mixinStandardHelpOptions = true,
        description = {"Compare ways of choosing per-label thresholds for a model: on dev alone (as shipped), or on dev",
                "pooled with real-world tuning sentences. The choice is scored by two-fold cross-validation over the",
                "tuning file's source documents (thresholds from dev + one fold, scored on the other); the check file",
                "is only reported. With --write, saves the model with the thresholds of the chosen rule."})
final class ModelsThresholdsCommand implements Callable<Integer> {
    @Mixin
    ModelsCommand.CorpusOptions data;

    @Option(names = "--model", defaultValue = "default", description = "Model name or archive (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--tune", defaultValue = "../shared/eval/real_tune.tsv", description = "Real-world tuning file (default: ${DEFAULT-VALUE}).")
    Path tune;

    @Option(names = "--check", defaultValue = "../shared/eval/real_check.tsv", description = "Real-world check file, reported only (default: ${DEFAULT-VALUE}).")
    Path check;

    @Option(names = "--write", paramLabel = "OUT.zip", description = "Save the model with the thresholds of the rule chosen by cross-validation.")
    Path write;

    @Spec
    CommandSpec spec;

    /** A way to choose thresholds from dev and tuning sentences. */
    private record Rule(String name, int realWeight, boolean average) {
    }

    @Override
    public Integer call() throws java.io.IOException {
        PrintWriter out = spec.commandLine().getOut();
        CorpusSplit split = ModelsCommand.split(data.corpus);
        LabelSet labels = LabelSet.standard();
        List<String[]> tuneRows = new ArrayList<>();
        List<String> lines = Files.readAllLines(tune);
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split("\t", -1);
            if (c.length >= 4) {
                tuneRows.add(c);
            }
        }
        Corpus checkCorpus = Corpus.read(check, labels);
        try (StanceClassifier loaded = ModelOption.load(model)) {
            var clf = (org.parley.core.model.ScoringClassifier) loaded;
            double[][] dev = clf.scores(ModelsCommand.texts(split.dev()));
            boolean[][] devGold = ModelsCommand.gold(split.dev(), labels);
            double[][] tuneScores = clf.scores(tuneRows.stream().map(r -> r[1]).toList());
            boolean[][] tuneGold = tuneRows.stream().map(r -> goldOf(r[2], labels)).toArray(boolean[][]::new);
            int[] fold = tuneRows.stream().mapToInt(r -> Math.floorMod(r[3].hashCode(), 2)).toArray();
            double[][] checkScores = clf.scores(ModelsCommand.texts(checkCorpus));
            boolean[][] checkGold = ModelsCommand.gold(checkCorpus, labels);
            List<Rule> rules = List.of(new Rule("dev alone (shipped)", 0, false), new Rule("dev + tuning, pooled", 1, false),
                    new Rule("dev + tuning x3, pooled", 3, false), new Rule("mean of dev and tuning thresholds", 1, true));
            out.println("| thresholds | cross-validated macro-F1 on the tuning file (2 folds by document) | check file macro-F1 (reported only) |");
            out.println("|---|---:|---:|");
            Rule best = null;
            double bestCv = -1;
            double[] bestFull = null;
            for (Rule r : rules) {
                double cv = 0;
                for (int f = 0; f < 2; f++) {
                    int held = f;
                    double[] th = thresholds(r, dev, devGold, inFold(tuneScores, fold, held, false, double[][]::new),
                            inFold(tuneGold, fold, held, false, boolean[][]::new), labels);
                    cv += org.parley.training.FastTextTrainer.evaluate(labels, inFold(tuneScores, fold, held, true, double[][]::new),
                            inFold(tuneGold, fold, held, true, boolean[][]::new), th).macroF1() / 2;
                }
                double[] full = thresholds(r, dev, devGold, tuneScores, tuneGold, labels);
                double checkF1 = org.parley.training.FastTextTrainer.evaluate(labels, checkScores, checkGold, full).macroF1();
                out.printf(Locale.ROOT, "| %s | %.3f | %.3f |%n", r.name(), cv, checkF1);
                if (cv > bestCv + 1e-9) {
                    bestCv = cv;
                    best = r;
                    bestFull = full;
                }
            }
            out.printf(Locale.ROOT, "%nchosen by cross-validation: %s; thresholds %s%n", best.name(), java.util.Arrays.toString(bestFull));
            if (write != null) {
                var h = clf.header();
                var newHeader = new org.parley.core.archive.ModelHeader(h.labels(), bestFull, h.info());
                if (clf instanceof EncoderClassifier enc) {
                    try (EncoderClassifier again = enc.withThresholds(newHeader)) {
                        again.save(write);
                    }
                } else if (clf instanceof FastTextClassifier fast) {
                    new FastTextClassifier(fast.spec(), fast.parameters(), newHeader).save(write);
                }
                out.println("wrote " + write);
            }
        }
        out.flush();
        return 0;
    }

    private static double[] thresholds(Rule r, double[][] dev, boolean[][] devGold, double[][] real, boolean[][] realGold, LabelSet labels) {
        double[] devTh = org.parley.training.ThresholdTuner.tune(dev, devGold, labels.size());
        if (r.realWeight() == 0) {
            return devTh;
        }
        if (r.average()) {
            double[] realTh = org.parley.training.ThresholdTuner.tune(real, realGold, labels.size());
            double[] out = new double[devTh.length];
            for (int k = 0; k < out.length; k++) {
                out[k] = Math.round((devTh[k] + realTh[k]) / 2 * 100) / 100.0;
            }
            return out;
        }
        List<double[]> s = new ArrayList<>(java.util.Arrays.asList(dev));
        List<boolean[]> g = new ArrayList<>(java.util.Arrays.asList(devGold));
        for (int w = 0; w < r.realWeight(); w++) {
            s.addAll(java.util.Arrays.asList(real));
            g.addAll(java.util.Arrays.asList(realGold));
        }
        return org.parley.training.ThresholdTuner.tune(s.toArray(double[][]::new), g.toArray(boolean[][]::new), labels.size());
    }

    /** The rows whose fold is {@code f} ({@code in}) or is not ({@code !in}), in order. */
    private static <T> T[] inFold(T[] rows, int[] fold, int f, boolean in, java.util.function.IntFunction<T[]> array) {
        return java.util.stream.IntStream.range(0, rows.length).filter(i -> (fold[i] == f) == in).mapToObj(i -> rows[i]).toArray(array);
    }

    private static boolean[] goldOf(String labelsField, LabelSet labels) {
        boolean[] g = new boolean[labels.size()];
        for (String l : labelsField.split(",")) {
            int k = labels.indexOf(l.trim());
            if (k >= 0) {
                g[k] = true;
            }
        }
        return g;
    }
}
