package org.parley.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

import org.parley.core.CorpusSplit;
import org.parley.core.LabeledSentence;
import org.parley.core.StanceClassifier;
import org.parley.core.explain.Faithfulness;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code stance models explain-eval}: ERASER faithfulness of the explanations on the test split. */
@Command(name = "explain-eval", mixinStandardHelpOptions = true,
        description = {"Measure how faithful explanations are (ERASER) on the test split: for each predicted label, the drop",
                "of its probability when the top-k spans are deleted (comprehensiveness, higher is better) and when only",
                "they are kept (sufficiency, lower is better), next to k random spans of the same lengths (seeded)."})
final class ExplainEvalCommand implements Callable<Integer> {

    @Mixin
    ModelsCommand.CorpusOptions data;

    @Option(names = "--models", split = ",", defaultValue = "default,fast", description = "Models (default: ${DEFAULT-VALUE}).")
    List<String> models;

    @Option(names = "--sample", defaultValue = "0", description = "Test sentences to use, drawn with --seed; 0 = all (default: ${DEFAULT-VALUE}).")
    int sample;

    @Option(names = "--seed", defaultValue = "17", description = "Seed of the sample and the random spans (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--k", split = ",", defaultValue = "1,3", description = "Numbers of top spans (default: ${DEFAULT-VALUE}).")
    List<Integer> ks;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CorpusSplit split = ModelsCommand.split(data.corpus);
        List<String> texts = new ArrayList<>(split.test().sentences().stream().map(LabeledSentence::text).toList());
        if (sample > 0 && sample < texts.size()) {
            Collections.shuffle(texts, new Random(seed));
            texts = texts.subList(0, sample);
        }
        out.printf(Locale.ROOT, "test split: %d sentences used (of %d), seed %d%n%n", texts.size(), split.test().size(), seed);
        out.println("| model | top-k spans | (sentence, label) pairs | words in the spans | comprehensiveness | random spans | ratio "
                + "| sufficiency | random spans | time per explanation |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        int[] k = ks.stream().mapToInt(Integer::intValue).toArray();
        for (String m : models) {
            try (StanceClassifier clf = ModelOption.load(m)) {
                Faithfulness f = new Faithfulness(clf, seed, k);
                long t0 = System.nanoTime();
                long explainNanos = 0;
                for (int i = 0; i < texts.size(); i += 32) {
                    List<String> batch = texts.subList(i, Math.min(texts.size(), i + 32));
                    long e0 = System.nanoTime();
                    List<org.parley.core.Explanation> explained = clf.explainAll(batch);
                    explainNanos += System.nanoTime() - e0;
                    f.add(explained);
                }
                for (Faithfulness.Result r : f.results()) {
                    // a ratio to a random drop within noise of zero says nothing
                    String ratio = r.randomComprehensiveness() < 0.005 ? "random ≈ 0"
                            : String.format(Locale.ROOT, "%.1f×", r.comprehensiveness() / r.randomComprehensiveness());
                    out.printf(Locale.ROOT, "| %s | %d | %d | %.2f | %.3f | %.3f | %s | %.3f | %.3f | %.1f ms |%n", m, r.k(), r.pairs(), r.words(),
                            r.comprehensiveness(), r.randomComprehensiveness(), ratio, r.sufficiency(), r.randomSufficiency(),
                            explainNanos / 1e6 / Math.max(1, texts.size()));
                }
                out.flush();
                spec.commandLine().getErr().printf(Locale.ROOT, "%s: %.0f s%n", m, (System.nanoTime() - t0) / 1e9);
            }
        }
        return 0;
    }
}
