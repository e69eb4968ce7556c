package org.parley.cli;

import java.nio.file.Path;
import java.util.List;

import org.parley.core.Corpus;
import org.parley.core.CorpusSplit;
import org.parley.core.Evaluation;
import org.parley.core.LabelSet;
import org.parley.core.LabeledSentence;
import org.parley.core.StanceClassifier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code stance models}: rebuild the shipped models, compare encoder and head designs. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "Rebuild or compare the shipped models.",
        subcommands = {ModelsBuildCommand.class, ModelsCompareCommand.class, ModelsReportCommand.class, ModelsCurveCommand.class, ModelsThresholdsCommand.class,
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

    /** The texts of a corpus, in order. */
    static List<String> texts(Corpus c) {
        return c.sentences().stream().map(LabeledSentence::text).toList();
    }

    /** The gold labels of a corpus as one flag per label of {@code labels}, sentence by sentence. */
    static boolean[][] gold(Corpus c, LabelSet labels) {
        return c.sentences().stream().map(s -> org.parley.training.FastTextTrainer.gold(s, labels)).toArray(boolean[][]::new);
    }

    static Evaluation evaluate(StanceClassifier clf, Corpus gold) {
        List<LabeledSentence> s = gold.sentences();
        return Evaluation.ofPredictions(clf.labels(), s, clf.classifyAll(s.stream().map(LabeledSentence::text).toList()));
    }

}
