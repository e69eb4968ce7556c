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

    @Option(names = "--progress", negatable = true,
            description = "Show (or with --no-progress hide) a progress bar on stderr; default: shown when stderr is a terminal.")
    Boolean progress;
}
