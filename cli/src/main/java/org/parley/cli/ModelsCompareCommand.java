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
import org.parley.core.LabeledSentence;
import org.parley.encoder.EncoderClassifier;
import org.parley.encoder.EncoderId;
import org.parley.encoder.OnnxSentenceEncoder;
import org.parley.encoder.head.HeadSpec;
import org.parley.training.EncoderModelBuilder;
import org.parley.training.HeadTrainer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code stance models compare}: encoders × head designs on the dev split. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare encoders and head designs on the dev split (and on a real-world check file), as a Markdown table.")
final class ModelsCompareCommand implements Callable<Integer> {
    @Mixin
    ModelsCommand.CorpusOptions data;

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
        CorpusSplit split = ModelsCommand.split(data.corpus);
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
                            real == null ? "n/a" : String.format(Locale.ROOT, "%.3f", ModelsCommand.evaluate(clf, real).macroF1()), speed, secs);
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
