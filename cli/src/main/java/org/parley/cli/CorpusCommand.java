package org.parley.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.parley.core.Corpus;
import org.parley.core.corpus.CorpusStats;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code stance corpus stats}: describes a corpus. */
@Command(name = "corpus", mixinStandardHelpOptions = true, description = "Inspect a corpus.",
        subcommands = CorpusCommand.Stats.class)
final class CorpusCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = "Counts per label, conflict, style and speaker kind, label co-occurrence and the no-label share.")
    static final class Stats implements Callable<Integer> {

        @Option(names = "--corpus", defaultValue = "models/corpus", paramLabel = "FILE|DIR",
                description = "Corpus TSV file or folder (default: ${DEFAULT-VALUE}).")
        Path corpus;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Inputs.checkReadable(java.nio.file.Files.isDirectory(corpus) ? java.util.List.of() : java.util.List.of(corpus));
            spec.commandLine().getOut().print(CorpusStats.of(Corpus.read(corpus)).toReport());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
