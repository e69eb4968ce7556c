package org.parley.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.parley.core.DocumentAnalysis;
import org.parley.core.DocumentAnalyzer;
import org.parley.core.Explanation;
import org.parley.core.StanceClassifier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stance report}: a self-contained HTML page for one or more articles. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write an HTML report: every sentence highlighted by its labels (scores on hover), the speaker shown,",
                "and a chart of each document's label profile. One self-contained file; it needs no network to view."})
final class ReportCommand implements Callable<Integer> {

    /** More documents than this make a page too large to read; analyse a corpus with classify --document. */
    static final int MAX_DOCUMENTS = 200;

    @Mixin
    ModelOption model;

    @Mixin
    DocumentOptions documentOptions;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "The HTML file to write.")
    Path output;

    @Option(names = "--title", defaultValue = "Parley report", description = "Page title (default: ${DEFAULT-VALUE}).")
    String title;

    @Option(names = "--explain", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = {"Highlight, on hover or click of a label, the words that drove it in each sentence, and list per label",
                    "the phrases that most often drove it (default: on; --no-explain skips it: the default model takes",
                    "about 10-25 times longer with it)."})
    boolean explain;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Documents: .txt files, folders of them, or .csv/.tsv/.jsonl tables.")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() {
        try (DocumentSource docs = new DocumentSource(files, documentOptions.idColumn, documentOptions.textColumn)) {
            OutputChecks.check(output, docs.files());
            write(docs);
        }
        return 0;
    }

    private void write(DocumentSource docs) {
        try (StanceClassifier clf = model.load();
             OutputTarget out = OutputTarget.file(output);
             Progress progress = Progress.start("report", docs.knownCount(), documentOptions.progress)) {
            DocumentAnalyzer analyzer = new DocumentAnalyzer(clf);
            List<DocumentAnalysis> analyses = new ArrayList<>();
            List<List<Explanation>> explanations = explain ? new ArrayList<>() : null;
            int threads = documentOptions.threads();
            org.parley.core.concurrent.OrderedParallel.map(docs, d -> {
                DocumentAnalysis a = analyzer.analyze(d.id(), d.text());
                return new Analysed(a, explain ? clf.explainAll(a.sentences().stream().map(s -> s.text()).toList()) : null);
            }, threads, 2 * threads, done -> {
                if (analyses.size() == MAX_DOCUMENTS) {
                    throw new CliException("a report holds at most " + MAX_DOCUMENTS
                            + " documents; split the input, or use classify --document for a corpus");
                }
                analyses.add(done.analysis());
                if (explain) {
                    explanations.add(done.explanations());
                }
                progress.step();
            });
            HtmlReport.write(analyses, explanations, title, out.printWriter());
            out.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(output + ": " + IoReason.of(e), e);
        }
    }

    /** One analysed document and, when asked, its sentences' explanations. */
    private record Analysed(DocumentAnalysis analysis, List<Explanation> explanations) {
    }
}
