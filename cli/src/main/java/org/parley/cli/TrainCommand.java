package org.parley.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.parley.core.Corpus;
import org.parley.core.CorpusSplit;
import org.parley.core.Evaluation;
import org.parley.core.LabeledSentence;
import org.parley.core.StanceClassifier;
import org.parley.training.EncoderTrainingConfig;
import org.parley.training.Trainer;
import org.parley.training.TrainingConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code stance train}: trains a model of either kind on any corpus in the Parley TSV format. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a model on a corpus (a TSV file or a folder of them) with whatever labels it uses:",
                "--kind fast (default: n-grams, trains in about a minute) or --kind default (the accurate tier:",
                "the pretrained encoder with a trained head, blended with a fast model).",
                "With a split file (--splits, or splits.tsv inside the corpus folder) the cross-conflict train part is",
                "used for training and the dev part for early stopping and thresholds; otherwise 15%% of the",
                "sentences, drawn with the seed, form the dev part."})
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--corpus", required = true, paramLabel = "FILE|DIR", description = "Corpus TSV file or folder.")
    Path corpus;

    @Option(names = "--out", required = true, paramLabel = "MODEL.zip", description = "Where to write the model archive.")
    Path out;

    @Option(names = "--kind", defaultValue = "fast", description = "Model kind: fast or default (default: ${DEFAULT-VALUE}).")
    String kind;

    @Option(names = "--cache", paramLabel = "DIR", description = "Keep encoder outputs here between runs (--kind default).")
    Path cache;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--splits", paramLabel = "FILE", description = "Conflict-to-split table (columns conflict, split).")
    Path splits;

    @Option(names = "--name", description = "Model name recorded in the archive (default: the kind).")
    String name;

    @Option(names = "--epochs", description = "Maximum number of epochs (default: 30).")
    Integer epochs;

    @Option(names = "--dim", description = "Embedding width (default: 64).")
    Integer dim;

    @Option(names = "--batch", description = "Sentences per gradient step (default: 32).")
    Integer batch;

    @Option(names = "--buckets", description = "Hash buckets for n-gram features (default: 32768).")
    Integer buckets;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!kind.equals("fast") && !kind.equals("default")) {
            throw new CliException("--kind takes fast or default, not '" + kind + "'");
        }
        String modelName = name != null ? name : kind;
        if (!Files.exists(corpus)) {
            throw new CliException(corpus + ": no such file or folder");
        }
        Corpus all = Corpus.read(corpus);
        Path splitFile = splits != null ? splits
                : Files.isDirectory(corpus) && Files.exists(corpus.resolve("splits.tsv")) ? corpus.resolve("splits.tsv") : null;
        CorpusSplit split = splitFile != null ? CorpusSplit.byConflict(all, splitFile) : CorpusSplit.random(all, 0.15, seed);
        TrainingConfig cfg = TrainingConfig.defaults().withSeed(seed).withModelName(kind.equals("fast") ? modelName : modelName + "-lexical");
        if (epochs != null) {
            cfg = cfg.withMaxEpochs(epochs);
        }
        if (dim != null) {
            cfg = cfg.withEmbeddingDim(dim);
        }
        if (batch != null) {
            cfg = cfg.withBatchSize(batch);
        }
        if (buckets != null) {
            cfg = cfg.withBuckets(buckets);
        }
        var err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "stance: training on %d sentences, dev %d (%s)%n", split.train().size(), split.dev().size(),
                splitFile != null ? "split " + splitFile : "random 15% dev split, seed " + seed);
        err.flush();
        long t0 = System.nanoTime();
        StanceClassifier trained;
        if (kind.equals("fast")) {
            trained = Trainer.trainFast(split.train(), split.dev(), cfg);
        } else {
            EncoderTrainingConfig ec = EncoderTrainingConfig.defaults().withModelName(modelName).withFast(cfg);
            var o = ec.optimiser();
            int maxEpochs = epochs != null ? epochs : o.maxEpochs();
            ec = ec.withOptimiser(new org.parley.training.HeadTrainer.Settings(seed, o.learningRate(), o.l2(), o.batchSize(),
                    maxEpochs, Math.min(o.patience(), maxEpochs)));
            if (cache != null) {
                ec = ec.withCacheDir(cache);
            }
            trained = Trainer.trainEncoder(split.train(), split.dev(), ec);
        }
        try (StanceClassifier clf = trained) {
            clf.save(out);
            var o = spec.commandLine().getOut();
            o.printf(Locale.ROOT, "wrote %s (%d labels, %.1f s)%n", out, clf.labels().size(), (System.nanoTime() - t0) / 1e9);
            o.println("dev split, thresholds tuned on it:");
            Evaluation dev = Evaluation.ofPredictions(clf.labels(), split.dev().sentences(),
                    clf.classifyAll(split.dev().sentences().stream().map(LabeledSentence::text).toList()));
            o.print(dev.toTable());
            if (split.test().size() > 0) {
                Evaluation test = Evaluation.ofPredictions(clf.labels(), split.test().sentences(),
                        clf.classifyAll(split.test().sentences().stream().map(LabeledSentence::text).toList()));
                o.println("test split (" + split.test().size() + " sentences, conflicts unseen in training):");
                o.print(test.toTable());
            }
            o.flush();
        }
        return 0;
    }
}
