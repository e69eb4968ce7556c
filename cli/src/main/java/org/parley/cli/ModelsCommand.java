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
import org.parley.core.Parley;
import org.parley.core.StanceClassifier;
import org.parley.core.model.FastTextClassifier;
import org.parley.encoder.EncoderClassifier;
import org.parley.encoder.EncoderId;
import org.parley.encoder.OnnxSentenceEncoder;
import org.parley.encoder.head.HeadSpec;
import org.parley.training.EncoderModelBuilder;
import org.parley.training.HeadTrainer;
import org.parley.training.Trainer;
import org.parley.training.TrainingConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code stance models}: rebuild the shipped models, compare encoder and head designs. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "Rebuild or compare the shipped models.",
        subcommands = {ModelsCommand.Build.class, ModelsCommand.Compare.class, ModelsCommand.Report.class, ModelsCommand.Curve.class, ModelsCommand.Thresholds.class,
                ExplainEvalCommand.class})
final class ModelsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** Where the corpus and the encoder-output cache are; shared by the subcommands. */
    static final class CorpusOptions {
        @Option(names = "--corpus", defaultValue = "models/corpus", description = "Corpus folder with splits.tsv (default: ${DEFAULT-VALUE}).")
        Path corpus;

        @Option(names = "--cache", defaultValue = "target/encoder-cache", description = "Encoder output cache (default: ${DEFAULT-VALUE}).")
        Path cache;
    }

    static CorpusSplit split(Path corpus) {
        return CorpusSplit.byConflict(Corpus.read(corpus, LabelSet.standard()), corpus.resolve("splits.tsv"));
    }

    static Evaluation evaluate(StanceClassifier clf, Corpus gold) {
        List<LabeledSentence> s = gold.sentences();
        return Evaluation.ofPredictions(clf.labels(), s, clf.classifyAll(s.stream().map(LabeledSentence::text).toList()));
    }

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = {"Retrain every shipped model from the corpus with the shipped settings: fast, then default",
                    "(encoder + head, blended with fast's scores at the weight that maximises dev macro-F1)."})
    static final class Build implements Callable<Integer> {
        @Mixin
        CorpusOptions data;

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
            CorpusSplit split = split(data.corpus);
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
                    (System.nanoTime() - t0) / 1e9, clf.info().dev().macroF1(), evaluate(clf, split.test()).macroF1(),
                    outDir.resolve(name + ".zip"));
            out.flush();
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Compare encoders and head designs on the dev split (and on a real-world check file), as a Markdown table.")
    static final class Compare implements Callable<Integer> {
        @Mixin
        CorpusOptions data;

        @Option(names = "--real-world", defaultValue = "../shared/eval/real_dev.tsv",
                description = "Real-world check file, reported only (default: ${DEFAULT-VALUE}).")
        Path realWorld;

        @Option(names = "--encoders", split = ",", defaultValue = "all-minilm-l6-v2-q,bge-small-en-v15-q,e5-small-v2-q",
                description = "Encoders to compare (default: ${DEFAULT-VALUE}).")
        List<String> encoders;

        @Option(names = "--heads", split = ",", defaultValue = "pooled,conv", description = "Head designs (default: ${DEFAULT-VALUE}).")
        List<String> heads;


        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            CorpusSplit split = split(data.corpus);
            Corpus real = Files.exists(realWorld) ? Corpus.read(realWorld, LabelSet.standard()) : null;
            List<String> texts = split.dev().sentences().stream().map(LabeledSentence::text).limit(300).toList();
            List<String> rows = new ArrayList<>();
            for (String e : encoders) {
                EncoderId id = EncoderId.byId(e).orElseThrow(() -> new CliException("unknown encoder '" + e + "'"));
                double speed;
                try (OnnxSentenceEncoder enc = new OnnxSentenceEncoder(id, 0)) {
                    enc.encode(texts.subList(0, 20));
                    long t0 = System.nanoTime();
                    enc.encode(texts);
                    speed = texts.size() / ((System.nanoTime() - t0) / 1e9);
                }
                for (String h : heads) {
                    HeadSpec.Type type = HeadSpec.Type.byId(h).orElseThrow(() -> new CliException("unknown head '" + h + "'; use pooled or conv"));
                    long t0 = System.nanoTime();
                    try (EncoderClassifier clf = new EncoderModelBuilder(split, data.cache).build(id, type, "compare", HeadTrainer.Settings.defaults())) {
                        double secs = (System.nanoTime() - t0) / 1e9;
                        String row = String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f | %s | %.0f | %.0f |", id.id(), h,
                                clf.info().dev().macroF1(), clf.info().dev().microF1(),
                                real == null ? "n/a" : String.format(Locale.ROOT, "%.3f", evaluate(clf, real).macroF1()), speed, secs);
                        rows.add(row);
                        out.println(row);
                        out.flush();
                    }
                }
            }
            out.println();
            out.println("| encoder | head | dev macro-F1 | dev micro-F1 | real-world macro-F1 (reported only) | encoder sentences/s (1 sentence per call) | build s |");
            out.println("|---|---|---:|---:|---:|---:|---:|");
            rows.forEach(out::println);
            out.flush();
            return 0;
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "Score the shipped models and the baselines on the dev and test splits and on real-world files"
                    + " (default: ../shared/eval/real_tune.tsv and real_check.tsv), as Markdown (the tables of models/MODEL_CARD.md).")
    static final class Report implements Callable<Integer> {
        @Mixin
        CorpusOptions data;

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
            CorpusSplit split = split(data.corpus);
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
                results.add(sets.stream().map(c -> Evaluation.of(labels, gold(c), lexicon.labelsOf(texts(c)))).toList());
                try (OnnxSentenceEncoder enc = new OnnxSentenceEncoder(EncoderModelBuilder.DEFAULT_ENCODER, 0)) {
                    var cacheStore = new org.parley.training.EncodingCache(data.cache);
                    var zs = new org.parley.training.baselines.ZeroShotCosine(enc, labels);
                    zs.tune(cacheStore.encode(enc, texts(split.dev())), split.dev().sentences().stream()
                            .map(x -> org.parley.training.FastTextTrainer.gold(x, labels)).toArray(boolean[][]::new));
                    names.add("zero-shot cosine (" + enc.id().id() + ", thresholds tuned on dev)");
                    results.add(sets.stream().map(c -> Evaluation.of(labels, gold(c), zs.labelsOf(cacheStore.encode(enc, texts(c))))).toList());
                }
            }
            for (String model : models) {
                try (StanceClassifier clf = model.contains("/") || model.endsWith(".zip") ? Parley.load(Path.of(model)) : Parley.load(model)) {
                    if (clf instanceof EncoderClassifier enc && enc.lexicalWeight() > 0) {
                        names.add(model + ", head alone (no blend; thresholds tuned on dev)");
                        results.add(headAlone(enc, split, sets));
                    }
                    names.add(model + " model");
                    results.add(sets.stream().map(c -> evaluate(clf, c)).toList());
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
                boolean[][] devGold = split.dev().sentences().stream()
                        .map(x -> org.parley.training.FastTextTrainer.gold(x, labels)).toArray(boolean[][]::new);
                double[] th = org.parley.training.ThresholdTuner.tune(head.scores(texts(split.dev())), devGold, labels.size());
                return sets.stream().map(c -> evalScores(labels, head.scores(texts(c)), c, th)).toList();
            }
        }

        private static Evaluation evalScores(LabelSet labels, double[][] scores, Corpus gold, double[] th) {
            List<java.util.Set<String>> predicted = new ArrayList<>();
            for (double[] row : scores) {
                java.util.Set<String> set = new java.util.HashSet<>();
                for (int k = 0; k < row.length; k++) {
                    if (row[k] >= th[k]) {
                        set.add(labels.get(k).name());
                    }
                }
                predicted.add(set);
            }
            return Evaluation.of(labels, gold(gold), predicted);
        }

        private static List<java.util.Set<String>> gold(Corpus c) {
            return c.sentences().stream().map(LabeledSentence::labels).toList();
        }

        private static List<String> texts(Corpus c) {
            return c.sentences().stream().map(LabeledSentence::text).toList();
        }
    }

    @Command(name = "curve", mixinStandardHelpOptions = true,
            description = {"Learning curve: train on nested, seeded shares of the train split and score each model on dev, test",
                    "and the real-world files; with --exclude-ids the sentences whose ids match are left out of every split first",
                    "(e.g. the curve before an addition). Prints a Markdown row per model as it is trained."})
    static final class Curve implements Callable<Integer> {
        @Mixin
        CorpusOptions data;

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
            new org.parley.training.LearningCurve(split, real, seed, data.cache).run(ks, fractions, pt -> {
                out.printf(Locale.ROOT, "| %s | %.0f%% | %d | %.3f | %.3f | %s | %.0f |%n", pt.kind().name().toLowerCase(Locale.ROOT),
                        pt.fraction() * 100, pt.trainSentences(), pt.dev().macroF1(), pt.test().macroF1(),
                        String.join(" | ", pt.extra().stream().map(e -> String.format(Locale.ROOT, "%.3f", e.macroF1())).toList()),
                        pt.trainSeconds());
                out.flush();
            });
            return 0;
        }
    }

    @Command(name = "thresholds", mixinStandardHelpOptions = true,
            description = {"Compare ways of choosing per-label thresholds for a model: on dev alone (as shipped), or on dev",
                    "pooled with real-world tuning sentences. The choice is scored by two-fold cross-validation over the",
                    "tuning file's source documents (thresholds from dev + one fold, scored on the other); the check file",
                    "is only reported. With --write, saves the model with the thresholds of the chosen rule."})
    static final class Thresholds implements Callable<Integer> {
        @Mixin
        CorpusOptions data;

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
            CorpusSplit split = split(data.corpus);
            LabelSet labels = LabelSet.standard();
            List<String[]> tuneRows = new ArrayList<>();
            for (String line : Files.readAllLines(tune).subList(1, Files.readAllLines(tune).size())) {
                String[] c = line.split("\t", -1);
                if (c.length >= 4) {
                    tuneRows.add(c);
                }
            }
            Corpus checkCorpus = Corpus.read(check, labels);
            try (StanceClassifier loaded = model.contains("/") || model.endsWith(".zip") ? Parley.load(Path.of(model)) : Parley.load(model)) {
                var clf = (org.parley.core.model.ScoringClassifier) loaded;
                double[][] dev = clf.scores(texts(split.dev()));
                boolean[][] devGold = gold(split.dev(), labels);
                double[][] tuneScores = clf.scores(tuneRows.stream().map(r -> r[1]).toList());
                boolean[][] tuneGold = tuneRows.stream().map(r -> goldOf(r[2], labels)).toArray(boolean[][]::new);
                int[] fold = tuneRows.stream().mapToInt(r -> Math.floorMod(r[3].hashCode(), 2)).toArray();
                double[][] checkScores = clf.scores(texts(checkCorpus));
                boolean[][] checkGold = gold(checkCorpus, labels);
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
                        double[] th = thresholds(r, dev, devGold, select(tuneScores, fold, held, false), selectGold(tuneGold, fold, held, false), labels);
                        cv += org.parley.training.FastTextTrainer.evaluate(labels, select(tuneScores, fold, held, true),
                                selectGold(tuneGold, fold, held, true), th).macroF1() / 2;
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

        private static double[][] select(double[][] x, int[] fold, int f, boolean in) {
            List<double[]> out = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                if ((fold[i] == f) == in) {
                    out.add(x[i]);
                }
            }
            return out.toArray(double[][]::new);
        }

        private static boolean[][] selectGold(boolean[][] x, int[] fold, int f, boolean in) {
            List<boolean[]> out = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                if ((fold[i] == f) == in) {
                    out.add(x[i]);
                }
            }
            return out.toArray(boolean[][]::new);
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

        private static boolean[][] gold(Corpus c, LabelSet labels) {
            return c.sentences().stream().map(s -> org.parley.training.FastTextTrainer.gold(s, labels)).toArray(boolean[][]::new);
        }

        private static List<String> texts(Corpus c) {
            return c.sentences().stream().map(LabeledSentence::text).toList();
        }
    }
}
