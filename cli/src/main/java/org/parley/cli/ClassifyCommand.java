package org.parley.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;

import org.parley.core.StanceClassifier;
import org.parley.core.concurrent.OrderedParallel;

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

    @Option(names = "--resume", description = "With --document and --output: continue an interrupted run with the same "
            + "settings and inputs, keeping the documents it finished; the result is the file an uninterrupted run writes.")
    boolean resume;

    @Option(names = "--cameo", description = "With --document: add a column with the CAMEO codes of the predicted labels.")
    boolean cameo;

    @Option(names = "--explain", description = {"Add which words made each predicted label: in jsonl an \"explanation\" field",
            "(up to 10 spans per label: start, end, text, weight; strongest first), in text, tsv and csv the top span",
            "per label. Costs about 10-25 times a classification with the default model."})
    boolean explain;

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
        if (output != null) {
            OutputChecks.check(output, files);
        }
        try (RecordOutput target = output == null ? RecordOutput.stdout(spec.commandLine().getOut()) : OutputTarget.file(output);
             StanceClassifier clf = model.load()) {
            RecordWriter writer = format.writer(target.printWriter(), clf.labels());
            writer.explain = explain;
            writer.begin();
            if (files.isEmpty()) {
                classify(Inputs.utf8(System.in, "standard input"), clf, writer, target);
            } else {
                for (Path f : files) {
                    try (InputStream in = Inputs.open(f)) {
                        classify(in, clf, writer, target);
                    } catch (IOException e) {
                        throw new UncheckedIOException(f + ": " + IoReason.of(e), e);
                    }
                }
            }
            target.commit();
        }
        return 0;
    }

    /**
     * Classifies line by line in batches of {@value #BATCH} on the configured threads; batches are written in
     * input order, and after each batch the output is checked, so a closed pipe or full disk stops the run.
     */
    private void classify(InputStream in, StanceClassifier clf, RecordWriter writer, RecordOutput out) throws IOException {
        BoundedLineReader r = new BoundedLineReader(Inputs.lenientUtf8(in));
        Iterator<List<String>> batches = new Iterator<>() {
            private List<String> next = read();

            private List<String> read() {
                List<String> batch = new ArrayList<>(BATCH);
                try {
                    String line;
                    while (batch.size() < BATCH && (line = r.readLine()) != null) {
                        batch.add(line);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return batch.isEmpty() ? null : batch;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public List<String> next() {
                List<String> b = next;
                next = read();
                return b;
            }
        };
        int threads = documentOptions.threads();
        if (writer.explain) {
            OrderedParallel.map(batches, clf::explainAll, threads, 2 * threads, explanations -> {
                explanations.forEach(writer::write);
                out.check();
            });
        } else {
            OrderedParallel.map(batches, clf::classifyAll, threads, 2 * threads, predictions -> {
                predictions.forEach(writer::write);
                out.check();
            });
        }
    }
}
