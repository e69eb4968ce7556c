package org.parley.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.parley.core.Corpus;
import org.parley.core.Evaluation;
import org.parley.core.LabeledSentence;
import org.parley.core.Prediction;
import org.parley.core.StanceClassifier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code stance evaluate}: per-label precision/recall/F1 against a gold TSV. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluate a model against gold labels.",
                "GOLD.tsv: UTF-8, a header row, at least the columns 'text' and 'labels' (comma-separated names, empty for none).",
                "Prints per-label precision, recall, F1 and support, micro- and macro-F1 and exact match."})
final class EvaluateCommand implements Callable<Integer> {

    @Mixin
    ModelOption model;

    @Parameters(paramLabel = "GOLD.tsv", arity = "1", description = "The gold-standard file.")
    Path gold;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Inputs.checkReadable(List.of(gold));
        Utf8Check.check(gold); // names the line of an invalid byte, which a buffered decoder cannot
        try (StanceClassifier clf = model.load()) {
            Corpus corpus = Corpus.read(gold, clf.labels());
            if (corpus.size() == 0) {
                throw new CliException(gold + ": no sentences after the header row");
            }
            List<Prediction> predictions = clf.classifyAll(corpus.sentences().stream().map(LabeledSentence::text).toList());
            Evaluation ev = Evaluation.ofPredictions(clf.labels(), corpus.sentences(), predictions);
            spec.commandLine().getOut().print("model: " + clf.info().name() + " (" + clf.info().kind() + ")  gold: " + gold
                    + "  sentences: " + corpus.size() + System.lineSeparator() + ev.toTable());
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
