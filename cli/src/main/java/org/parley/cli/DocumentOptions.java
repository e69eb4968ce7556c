package org.parley.cli;

import picocli.CommandLine.Option;

/** Options shared by the commands that read whole documents. */
final class DocumentOptions {

    @Option(names = "--id-column", defaultValue = "id", paramLabel = "NAME",
            description = "Column (CSV/TSV header or JSONL field) holding the document id; default: ${DEFAULT-VALUE}. "
                    + "Rows without it are numbered by line.")
    String idColumn;

    @Option(names = "--text-column", defaultValue = "text", paramLabel = "NAME",
            description = "Column (CSV/TSV header or JSONL field) holding the document text; default: ${DEFAULT-VALUE}.")
    String textColumn;

    @Option(names = {"-t", "--threads"}, paramLabel = "N",
            description = "Threads sharing one classifier; output is in input order and identical for any N (default: every core).")
    Integer threads;

    @Option(names = "--progress", negatable = true,
            description = "Show (or with --no-progress hide) a progress bar on stderr; default: shown when stderr is a terminal.")
    Boolean progress;

    /** The number of threads to use: {@code --threads}, or every core. */
    int threads() {
        int n = threads == null ? org.parley.core.concurrent.OrderedParallel.allCores() : threads;
        if (n < 1 || n > 256) {
            throw new CliException("--threads must be between 1 and 256, got " + n);
        }
        return n;
    }
}
