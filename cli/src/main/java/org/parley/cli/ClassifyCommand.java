package org.parley.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.parley.core.Prediction;
import org.parley.core.StanceClassifier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code stance classify}: one output record per input line, in order. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Classify sentences: each input line is one sentence and yields exactly one record, in order.",
                "A blank line yields a record with no labels. Invalid UTF-8 bytes are read as U+FFFD;",
                "lines longer than 1,048,576 characters are cut, and the model reads the first 10,000 characters.",
                "With --document, each input is a whole document (a .txt file, a folder of .txt files, or one per row of",
                "a .csv/.tsv/.jsonl file): it is split into sentences and each sentence yields one record with the",
                "document id, sentence index, character offsets and speaker."})
final class ClassifyCommand implements Callable<Integer> {

    static final int BATCH = 256;

    @Mixin
    ModelOption model;

    @Option(names = {"-f", "--format"}, defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    RecordFormat format;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Input files (default: standard input).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--document", description = "Treat each input as a document to split into sentences (see above).")
    boolean document;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write records to FILE (created only when the run succeeds) instead of standard output.")
    Path output;

    @Option(names = "--resume", description = "With --document and --output: append to an existing output, skipping "
            + "documents already in it (the last one is redone).")
    boolean resume;

    @Option(names = "--cameo", description = "With --document: add a column with the CAMEO codes of the predicted labels.")
    boolean cameo;

    @Mixin
    DocumentOptions documentOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (document) {
            return DocumentRun.classify(this);
        }
        if (resume || cameo) {
            throw new CliException("--resume and --cameo work with --document");
        }
        Inputs.checkReadable(files);
        try (OutputTarget target = output == null ? OutputTarget.stdout(spec.commandLine().getOut()) : OutputTarget.file(output);
             StanceClassifier clf = model.load()) {
            PrintWriter out = target.printWriter();
            RecordWriter writer = format.writer(out, clf.labels());
            writer.begin();
            if (files.isEmpty()) {
                classify(System.in, clf, writer);
            } else {
                for (Path f : files) {
                    try (InputStream in = Inputs.open(f)) {
                        classify(in, clf, writer);
                    } catch (IOException e) {
                        throw new UncheckedIOException(f + ": " + e.getMessage(), e);
                    }
                }
            }
            out.flush();
            if (out.checkError()) {
                throw new CliException("could not write the output (closed pipe or full disk?)");
            }
            target.commit();
        }
        return 0;
    }

    private static void classify(InputStream in, StanceClassifier clf, RecordWriter writer) throws IOException {
        BoundedLineReader r = new BoundedLineReader(Inputs.lenientUtf8(in));
        List<String> batch = new ArrayList<>(BATCH);
        String line;
        while ((line = r.readLine()) != null) {
            batch.add(line);
            if (batch.size() == BATCH) {
                flush(batch, clf, writer);
            }
        }
        flush(batch, clf, writer);
    }

    private static void flush(List<String> batch, StanceClassifier clf, RecordWriter writer) {
        if (batch.isEmpty()) {
            return;
        }
        for (Prediction p : clf.classifyAll(batch)) {
            writer.write(p);
        }
        batch.clear();
    }
}
