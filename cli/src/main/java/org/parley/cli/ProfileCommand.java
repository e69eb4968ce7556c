package org.parley.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.parley.core.AnalyzedSentence;
import org.parley.core.DocumentAnalysis;
import org.parley.core.DocumentAnalyzer;
import org.parley.core.DocumentProfile;
import org.parley.core.EventCodes;
import org.parley.core.StanceClassifier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code stance profile}: the label profile of each document. */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = {"Print each document's label profile: for every label, how many sentences carry it, their share,",
                "and the strongest sentence. Inputs as for classify --document (.txt files, folders, .csv/.tsv/.jsonl)."})
final class ProfileCommand implements Callable<Integer> {

    @Mixin
    ModelOption model;

    @Mixin
    DocumentOptions documentOptions;

    @Option(names = {"-f", "--format"}, defaultValue = "text",
            description = "Output: text, or one row per document and label as tsv, csv or jsonl (default: ${DEFAULT-VALUE}).")
    SentenceTable.Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (created only when the run succeeds).")
    Path output;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Documents: .txt files, folders of them, or .csv/.tsv/.jsonl tables.")
    List<Path> files = new ArrayList<>();

    @Spec
    CommandSpec spec;

    private static final List<String> COLUMNS = List.of("doc", "sentences", "label", "count", "share", "cameo", "strongest_score",
            "strongest_sentence");

    @Override
    public Integer call() {
        try (DocumentSource docs = new DocumentSource(files, documentOptions.idColumn, documentOptions.textColumn)) {
            if (output != null) {
                OutputChecks.check(output, docs.files());
            }
            run(docs);
        }
        return 0;
    }

    private void run(DocumentSource docs) {
        try (RecordOutput out = output == null ? RecordOutput.stdout(spec.commandLine().getOut()) : OutputTarget.file(output);
             StanceClassifier clf = model.load();
             Progress progress = Progress.start("profile", docs.knownCount(), documentOptions.progress)) {
            DocumentAnalyzer analyzer = new DocumentAnalyzer(clf);
            if (format == SentenceTable.Format.tsv) {
                out.write(String.join("\t", COLUMNS) + "\n");
            } else if (format == SentenceTable.Format.csv) {
                out.write(String.join(",", COLUMNS) + "\n");
            }
            int threads = documentOptions.threads();
            org.parley.core.concurrent.OrderedParallel.map(docs, d -> render(analyzer.analyze(d.id(), d.text())), threads, 2 * threads, s -> {
                out.write(s);
                progress.step();
            });
            out.commit();
        }
    }

    private String render(DocumentAnalysis a) {
        StringBuilder sb = new StringBuilder();
        DocumentProfile p = a.profile();
        if (format == SentenceTable.Format.text) {
            sb.append(String.format(Locale.ROOT, "%s  (%d sentences)%n", Fields.oneLine(a.id()), p.sentences()));
        }
        for (DocumentProfile.LabelProfile lp : p.labels()) {
            AnalyzedSentence top = lp.strongest().isEmpty() ? null : lp.strongest().get(0);
            double topScore = top == null ? 0 : top.prediction().scores().get(lp.label());
            String topText = top == null ? "" : top.text();
            String cameo = EventCodes.cameoCodes(lp.label(), ";");
            switch (format) {
                case text -> sb.append(String.format(Locale.ROOT, "  %-24s %4d  %5.1f%%  %s%n", lp.label().name(), lp.count(),
                        100 * lp.share(), top == null ? "" : String.format(Locale.ROOT, "%.2f  %s", topScore, abbreviate(Fields.oneLine(topText)))));
                case tsv, csv -> {
                    List<String> f = List.of(String.valueOf(p.sentences()), lp.label().name(), String.valueOf(lp.count()),
                            String.format(Locale.ROOT, "%.6f", lp.share()), cameo, String.format(Locale.ROOT, "%.6f", topScore), topText);
                    sb.append(format == SentenceTable.Format.tsv
                            ? Fields.tsvId(a.id()) + "\t" + f.stream().map(Fields::tsv).collect(Collectors.joining("\t"))
                            : Fields.csvId(a.id()) + "," + f.stream().map(Fields::csv).collect(Collectors.joining(","))).append('\n');
                }
                case jsonl -> sb.append(String.format(Locale.ROOT,
                        "{\"doc\": %s, \"sentences\": %d, \"label\": %s, \"count\": %d, \"share\": %.6f, \"cameo\": %s, "
                                + "\"strongest_score\": %.6f, \"strongest_sentence\": %s}%n",
                        Json.quote(a.id()), p.sentences(), Json.quote(lp.label().name()), lp.count(), lp.share(), Json.quote(cameo),
                        topScore, top == null ? "null" : Json.quote(topText)));
            }
        }
        return sb.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 90 ? s : s.substring(0, 87) + "...";
    }
}
