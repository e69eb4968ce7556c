package org.parley.cli;

import java.util.Set;

import org.parley.core.DocumentAnalysis;
import org.parley.core.DocumentAnalyzer;
import org.parley.core.StanceClassifier;

/**
 * {@code stance classify --document}: streams documents from the inputs through a
 * {@link DocumentAnalyzer} and writes one record per sentence, document by document, so memory stays
 * bounded by the largest document whatever the corpus size.
 */
final class DocumentRun {

    private DocumentRun() {
    }

    static int classify(ClassifyCommand c) {
        if (c.resume && c.output == null) {
            throw new CliException("--resume needs --output FILE (the output to continue)");
        }
        SentenceTable.Format fmt = SentenceTable.Format.valueOf(c.format.name());
        if (c.files.isEmpty()) {
            throw new CliException("--document needs input files or folders (standard input is read line by line without it)");
        }
        try (DocumentSource docs = new DocumentSource(c.files, c.documentOptions.idColumn, c.documentOptions.textColumn);
             StanceClassifier clf = c.model.load()) {
            SentenceTable table = new SentenceTable(fmt, clf.labels(), c.cameo);
            try (OutputTarget out = c.output == null ? OutputTarget.stdout(c.spec.commandLine().getOut())
                    : c.resume ? OutputTarget.resume(c.output, table::docOf) : OutputTarget.file(c.output);
                 Progress progress = Progress.start("stance", docs.knownCount(), c.documentOptions.progress)) {
                if (c.resume && fmt == SentenceTable.Format.text) {
                    throw new CliException("--resume needs a machine-readable --format (jsonl, tsv or csv)");
                }
                if (out.fresh() && table.header() != null) {
                    out.write(table.header() + "\n");
                }
                Set<String> done = out.done();
                DocumentAnalyzer analyzer = new DocumentAnalyzer(clf);
                while (docs.hasNext()) {
                    DocumentSource.Doc d = docs.next();
                    if (!done.contains(d.id())) {
                        DocumentAnalysis a = analyzer.analyze(d.id(), d.text());
                        out.write(table.records(a));
                    }
                    progress.step();
                }
                out.commit();
            }
        }
        return 0;
    }
}
