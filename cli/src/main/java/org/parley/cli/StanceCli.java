package org.parley.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

import org.parley.core.CorpusFormatException;
import org.parley.core.ModelFormatException;
import org.parley.core.json.Safe;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code stance} command: classify, evaluate, train and inspect corpora from the shell.
 * Errors print one line on stderr and exit with code 2.
 */
@Command(name = "stance", mixinStandardHelpOptions = true, version = "Parley 0.2.0",
        description = "Tags sentences of news and diplomatic text with stance and mediation labels.",
        subcommands = {ClassifyCommand.class, ProfileCommand.class, ReportCommand.class, EvaluateCommand.class, TrainCommand.class, CorpusCommand.class, DocumentsCommand.class, SoakCommand.class, ModelsCommand.class,
                CommandLine.HelpCommand.class})
public final class StanceCli implements Runnable {

    /** Exit code for any error: bad arguments, unreadable files, malformed models or data. */
    public static final int EXIT_ERROR = 2;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Show library logging (ND4J start-up and training progress) on stderr.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    public static void main(String[] args) {
        System.out.flush();
        Sink out = new Sink(new FileOutputStream(FileDescriptor.out), "standard output", true);
        System.exit(run(args, out, new PrintWriter(System.err, true)));
    }

    /** Runs the command with the given streams; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        configureLogging(args);
        CommandLine cl = new CommandLine(new StanceCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof ClosedOutputException) {
                return ClosedOutputException.EXIT_CODE; // the reader has gone: stop quietly, like a filter on SIGPIPE
            }
            commandLine.getErr().println("stance: error: " + oneLine(ex));
            if (verbose(args)) {
                ex.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return EXIT_ERROR;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("stance: error: " + ex.getMessage()
                    + " (see 'stance " + ex.getCommandLine().getCommandName() + " --help')");
            ex.getCommandLine().getErr().flush();
            return EXIT_ERROR;
        });
        int code = cl.execute(args);
        out.flush();
        if (code == 0 && out.checkError()) {
            code = quietOrError(out, err);
        }
        err.flush();
        return code;
    }

    /** The output failed after the command ended (in the last flush). */
    private static int quietOrError(PrintWriter out, PrintWriter err) {
        try {
            Sink.check(out);
            return 0;
        } catch (ClosedOutputException e) {
            return ClosedOutputException.EXIT_CODE;
        } catch (CliException e) {
            err.println("stance: error: " + oneLine(e));
            err.flush();
            return EXIT_ERROR;
        }
    }

    /** The message of an error on one line, control characters replaced, at most 2,000 characters. */
    static String oneLine(Throwable ex) {
        String msg = ex.getMessage();
        if (ex instanceof UncheckedIOException && ex.getCause() != null && msg == null) {
            msg = ex.getCause().getMessage();
        }
        if (msg == null || msg.isBlank()) {
            msg = ex.getClass().getSimpleName();
        } else if (!(ex instanceof ModelFormatException || ex instanceof CorpusFormatException
                || ex instanceof IllegalArgumentException || ex instanceof UncheckedIOException
                || ex instanceof CliException)) {
            msg = ex.getClass().getSimpleName() + ": " + msg;
        }
        return Safe.cap(msg.replaceAll("[\\r\\n]+", " "), 2000);
    }

    private static boolean verbose(String[] args) {
        for (String a : args) {
            if (a.equals("--verbose")) {
                return true;
            }
        }
        return false;
    }

    private static void configureLogging(String[] args) {
        String level = verbose(args) ? "info" : "warn";
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("parley.log.level", level));
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.levelInBrackets", "true");
        if (!verbose(args)) {
            // DJL warns on every start that it found no GPU; Parley never uses one
            System.setProperty("org.slf4j.simpleLogger.log.ai.djl", "error");
        }
    }
}
