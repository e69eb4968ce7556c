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
        subcommands = {ModelsCommand.Build.class, ModelsCommand.Compare.class, ModelsCommand.Report.class})
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
            description = "Per-label precision/recall/F1 of the shipped models and the baselines on the cross-conflict test split"
                    + " and on a real-world check file, as Markdown (the tables of models/MODEL_CARD.md).")
    static final class Report implements Callable<Integer> {
        @Mixin
        CorpusOptions data;

        @Option(names = "--real-world", defaultValue = "../shared/eval/real_dev.tsv",
                description = "Real-world check file (default: ${DEFAULT-VALUE}).")
        Path realWorld;


        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            CorpusSplit split = split(data.corpus);
            LabelSet labels = LabelSet.standard();
            List<String> names = new ArrayList<>();
            List<Evaluation> test = new ArrayList<>();
            List<Evaluation> real = new ArrayList<>();
            Corpus realCorpus = Files.exists(realWorld) ? Corpus.read(realWorld, labels) : null;

            org.parley.training.baselines.KeywordLexicon lexicon = new org.parley.training.baselines.KeywordLexicon(labels);
            names.add("keyword lexicon (taxonomy cues)");
            test.add(Evaluation.of(labels, gold(split.test()), lexicon.labelsOf(texts(split.test()))));
            real.add(realCorpus == null ? null : Evaluation.of(labels, gold(realCorpus), lexicon.labelsOf(texts(realCorpus))));

            try (OnnxSentenceEncoder enc = new OnnxSentenceEncoder(EncoderModelBuilder.DEFAULT_ENCODER, 0)) {
                var cacheStore = new org.parley.training.EncodingCache(data.cache);
                var zs = new org.parley.training.baselines.ZeroShotCosine(enc, labels);
                zs.tune(cacheStore.encode(enc, texts(split.dev())), split.dev().sentences().stream()
                        .map(x -> org.parley.training.FastTextTrainer.gold(x, labels)).toArray(boolean[][]::new));
                names.add("zero-shot cosine (" + enc.id().id() + ", thresholds tuned on dev)");
                test.add(Evaluation.of(labels, gold(split.test()), zs.labelsOf(cacheStore.encode(enc, texts(split.test())))));
                real.add(realCorpus == null ? null
                        : Evaluation.of(labels, gold(realCorpus), zs.labelsOf(enc.encode(texts(realCorpus)))));
            }
            for (String model : List.of("fast", "default")) {
                try (StanceClassifier clf = Parley.load(model)) {
                    if (clf instanceof EncoderClassifier enc && enc.lexicalWeight() > 0) {
                        headAlone(enc, split, realCorpus, names, test, real);
                    }
                    names.add(model + " model");
                    test.add(evaluate(clf, split.test()));
                    real.add(realCorpus == null ? null : evaluate(clf, realCorpus));
                }
            }
            out.printf(Locale.ROOT, "### Summary (test: %d sentences from %d conflicts unseen in training; real-world: %s)%n%n",
                    split.test().size(), split.test().sentences().stream().map(LabeledSentence::conflict).distinct().count(),
                    realCorpus == null ? "not available" : realCorpus.size() + " sentences");
            out.println("| system | test macro-F1 | test micro-F1 | test exact match | real-world macro-F1 | real-world micro-F1 |");
            out.println("|---|---:|---:|---:|---:|---:|");
            for (int i = 0; i < names.size(); i++) {
                Evaluation r = real.get(i);
                out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %s | %s |%n", names.get(i), test.get(i).macroF1(),
                        test.get(i).microF1(), test.get(i).exactMatch(), r == null ? "n/a" : String.format(Locale.ROOT, "%.3f", r.macroF1()),
                        r == null ? "n/a" : String.format(Locale.ROOT, "%.3f", r.microF1()));
            }
            for (int i = 0; i < names.size(); i++) {
                out.printf(Locale.ROOT, "%n### %s: per label%n%n", names.get(i));
                out.println("| label | test P | test R | test F1 | test support | real-world P | real-world R | real-world F1 | real-world support |");
                out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
                for (var m : test.get(i).perLabel()) {
                    var r = real.get(i) == null ? null : real.get(i).label(m.label().name());
                    out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %d | %s |%n", m.label().name(), m.precision(), m.recall(), m.f1(),
                            m.support(), r == null ? "n/a | n/a | n/a | n/a" : String.format(Locale.ROOT, "%.3f | %.3f | %.3f | %d",
                                    r.precision(), r.recall(), r.f1(), r.support()));
                }
            }
            out.flush();
            return 0;
        }

        /** The default model's head without the fast-model blend, thresholds re-tuned on dev: what the blend adds. */
        private static void headAlone(EncoderClassifier enc, CorpusSplit split, Corpus realCorpus, List<String> names,
                                      List<Evaluation> test, List<Evaluation> real) {
            LabelSet labels = enc.labels();
            EncoderClassifier head = enc.withBlend(null, 0, new org.parley.core.archive.ModelHeader(labels,
                    new double[labels.size()], enc.info()));
            boolean[][] devGold = split.dev().sentences().stream()
                    .map(x -> org.parley.training.FastTextTrainer.gold(x, labels)).toArray(boolean[][]::new);
            double[] th = org.parley.training.ThresholdTuner.tune(head.scores(texts(split.dev())), devGold, labels.size());
            names.add("default model, head alone (no blend; thresholds tuned on dev)");
            test.add(evalScores(labels, head.scores(texts(split.test())), split.test(), th));
            real.add(realCorpus == null ? null : evalScores(labels, head.scores(texts(realCorpus)), realCorpus, th));
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
}
