package org.parley.cli;

import java.util.Set;

import org.parley.core.DocumentAnalysis;
import org.parley.core.DocumentAnalyzer;
import org.parley.core.StanceClassifier;
import org.parley.core.concurrent.OrderedParallel;

/**
 * {@code stance classify --document}: streams documents from the inputs through a
 * {@link DocumentAnalyzer} and writes one record per sentence, document by document, so memory stays
 * bounded by the largest document whatever the corpus size. With {@code -o} in a machine-readable
 * format the output is a {@link ResumableOutput}; the output is checked and locked before the model is
 * loaded.
 */
final class DocumentRun {

    private DocumentRun() {
    }

    static int classify(ClassifyCommand c) {
        if (c.resume && c.output == null) {
            throw new CliException("--resume needs --output FILE (the output to continue)");
        }
        if (c.resume && c.format == RecordFormat.text) {
            throw new CliException("--resume needs a machine-readable --format (jsonl, tsv or csv)");
        }
        if (c.files.isEmpty()) {
            throw new CliException("--document needs input files or folders (standard input is read line by line without it)");
        }
        SentenceTable.Format fmt = SentenceTable.Format.valueOf(c.format.name());
        try (DocumentSource docs = new DocumentSource(c.files, c.documentOptions.idColumn, c.documentOptions.textColumn)) {
            if (c.output != null) {
                OutputChecks.check(c.output, docs.files());
            }
            if (c.output == null || fmt == SentenceTable.Format.text) {
                try (RecordOutput out = c.output == null ? RecordOutput.stdout(c.spec.commandLine().getOut()) : OutputTarget.file(c.output)) {
                    run(c, docs, fmt, out);
                }
                return 0;
            }
            try (ResumableOutput out = ResumableOutput.prepare(c.output, RunSettings.of(c, docs.files()), c.resume)) {
                if (out.complete()) {
                    c.spec.commandLine().getErr().println("stance: " + c.output + " is already complete (same settings and inputs)");
                    return 0;
                }
                run(c, docs, fmt, out);
            }
        }
        return 0;
    }

    /** Analyses the documents into {@code out}; a resumable output is opened first and its finished documents skipped. */
    private static void run(ClassifyCommand c, DocumentSource docs, SentenceTable.Format fmt, RecordOutput out) {
        try (StanceClassifier clf = c.model.load();
             Progress progress = Progress.start("stance", docs.knownCount(), c.documentOptions.progress)) {
            SentenceTable table = new SentenceTable(fmt, clf.labels(), c.cameo);
            table.explain = c.explain;
            Set<String> skip = Set.of();
            boolean header = true;
            if (out instanceof ResumableOutput r) {
                r.open(table);
                skip = r.done();
                header = r.fresh();
            }
            if (header && table.header() != null) {
                out.write(table.header() + "\n");
            }
            DocumentAnalyzer analyzer = new DocumentAnalyzer(clf);
            Set<String> done = skip;
            // documents are analysed on several threads; records are written here, in input order
            OrderedParallel.map(docs, d -> {
                if (done.contains(d.id())) {
                    return "";
                }
                DocumentAnalysis a = analyzer.analyze(d.id(), d.text());
                return c.explain ? table.records(a, clf.explainAll(a.sentences().stream().map(s -> s.text()).toList())) : table.records(a);
            }, c.documentOptions.threads(), 2 * c.documentOptions.threads(), records -> {
                if (!records.isEmpty()) {
                    out.write(records);
                }
                progress.step();
            });
            out.commit();
        }
    }
}
