package org.parley.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stance spark}: tags files with Parley on Apache Spark and writes a Spark output directory.
 * Runs embedded in local mode ({@code ./stance spark}, default {@code local[*]}), or on a cluster as the
 * main class of the job jar ({@code spark-submit --class org.parley.spark.SparkJob}), where the master
 * comes from spark-submit. The output appears only when the job succeeds: it is written to a hidden
 * sibling directory and renamed into place.
 */
@Command(name = "stance spark", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Tags sentences or documents with Parley on Apache Spark and writes a Spark output directory (part files).",
                "Document mode (--document) writes one row per sentence with the fields of classify --document --format jsonl:",
                "doc, sentence, start, end, speaker, text, labels, scores. Sentence mode writes id, text, labels, scores."})
public final class SparkJob implements Callable<Integer> {

    /** Exit code of every error. */
    public static final int EXIT_ERROR = 2;

    enum Format { parquet, jsonl, csv }

    @Option(names = "--master", paramLabel = "URL",
            description = "The Spark master. Default: spark-submit's, else local[*] (embedded, every core).")
    String master;

    @Option(names = "--document", description = "Inputs are documents (split into sentences, with speakers); without it each line or row is a sentence.")
    boolean document;

    @Option(names = {"-m", "--model"}, paramLabel = "NAME|PATH", defaultValue = "default",
            description = "A shipped model name (e.g. fast) or a model archive file (a path containing '/' or ending in .zip),"
                    + " sent to the executors with Spark's file distribution. Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl",
            description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}. csv has one score column per label.")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true,
            description = "The output directory (must not exist); a local path or a Hadoop URI.")
    String output;

    @Option(names = "--id-column", paramLabel = "NAME", defaultValue = "id",
            description = "The id column of CSV, TSV, JSONL and Parquet inputs. Default: ${DEFAULT-VALUE}.")
    String idColumn;

    @Option(names = "--text-column", paramLabel = "NAME", defaultValue = "text",
            description = "The text column of CSV, TSV, JSONL and Parquet inputs. Default: ${DEFAULT-VALUE}.")
    String textColumn;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "256",
            description = "Sentences per model call in sentence mode. Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Repartition the input into N partitions before tagging (default: as read).")
    Integer partitions;

    @Option(names = "--verbose", description = "Show Spark's warnings and errors on stderr (local mode).")
    boolean verbose;

    @Parameters(paramLabel = "INPUT", arity = "1..*",
            description = ".txt files, folders of .txt files, .csv/.tsv/.jsonl files with id and text columns, Parquet files or folders.")
    List<String> inputs = new ArrayList<>();

    private PrintWriter err;

    public static void main(String[] args) {
        int code = run(args, new PrintWriter(System.err, true));
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the command; returns the exit code. Spark is stopped before it returns (unless it was running already). */
    public static int run(String[] args, PrintWriter err) {
        SparkJob job = new SparkJob();
        job.err = err;
        CommandLine cl = new CommandLine(job);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("stance: error: " + message(ex));
            if (job.verbose) {
                ex.printStackTrace(err);
            }
            err.flush();
            return EXIT_ERROR;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("stance: error: " + ex.getMessage() + " (see stance spark --help)");
            err.flush();
            return EXIT_ERROR;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        if (batchSize < 1) {
            throw new JobException("--batch-size must be at least 1");
        }
        if (partitions != null && partitions < 1) {
            throw new JobException("--partitions must be at least 1");
        }
        boolean existing = SparkSession.getActiveSession().isDefined() || SparkSession.getDefaultSession().isDefined();
        SparkSession.Builder b = SparkSession.builder().appName("parley-stance");
        String m = master != null ? master : System.getProperty("spark.master");
        if (m == null) {
            m = "local[*]";
        }
        if (!existing && m.startsWith("local")) {
            quietLogging(verbose);
            b = b.config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "8");
        }
        b = b.master(m);
        SparkSession spark = b.getOrCreate();
        long t0 = System.nanoTime();
        Path out = new Path(output);
        FileSystem fs = out.getFileSystem(spark.sparkContext().hadoopConfiguration());
        Path tmp = new Path(out.getParent() == null ? new Path(".") : out.getParent(),
                "." + out.getName() + ".tmp-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            if (fs.exists(out)) {
                throw new JobException(output + ": already exists; choose another --output or remove it");
            }
            Dataset<Row> in = JobInputs.read(spark, inputs, document, idColumn, textColumn);
            if (partitions != null) {
                in = in.repartition(partitions);
            }
            ModelRef ref;
            try {
                ref = ModelRef.of(spark, model);
            } catch (IllegalArgumentException e) {
                throw new JobException(e.getMessage());
            }
            Dataset<Row> tagged;
            if (document) {
                List<Row> dup = in.groupBy("id").count().where("count > 1").limit(1).collectAsList();
                if (!dup.isEmpty()) {
                    throw new JobException("the document id \"" + dup.get(0).getString(0) + "\" is used by " + dup.get(0).getLong(1)
                            + " documents; ids must be unique within a run (for a table, name a unique column with --id-column)");
                }
                tagged = ParleyTagger.tagDocuments(in, "id", "text", ref);
            } else {
                tagged = ParleyTagger.tagSentences(in, "text", "labels", "scores", ref, batchSize);
            }
            write(spark, tagged, ref, tmp.toString());
            if (!fs.rename(tmp, out)) {
                throw new JobException(output + ": cannot rename the finished output " + tmp + " into place");
            }
            err.printf(Locale.ROOT, "stance: wrote %s (%s) in %.1f s%n", output, format, (System.nanoTime() - t0) / 1e9);
            return 0;
        } finally {
            if (fs.exists(tmp)) {
                quiesce(spark);   // a failed job's other tasks may still be writing into tmp
            }
            try {
                if (fs.exists(tmp)) {
                    fs.delete(tmp, true);
                }
            } catch (IOException e) {
                err.println("stance: warning: cannot remove " + tmp + ": " + e.getMessage());
            }
            if (!existing) {
                spark.stop();
            }
        }
    }

    private void write(SparkSession spark, Dataset<Row> tagged, ModelRef ref, String dir) {
        switch (format) {
            case parquet -> tagged.write().parquet(dir);
            case jsonl -> tagged.write().option("ignoreNullFields", "false").json(dir);
            case csv -> {
                List<Column> cols = new ArrayList<>();
                for (String c : tagged.columns()) {
                    if (c.equals("labels")) {
                        cols.add(functions.concat_ws(",", functions.col("labels")).as("labels"));
                    } else if (!c.equals("scores")) {
                        cols.add(functions.col(c));
                    }
                }
                for (String label : ParleyTagger.labelNames(spark, ref)) {
                    cols.add(functions.col("scores").getItem(label).as(label));
                }
                tagged.select(cols.toArray(new Column[0])).write().option("header", "true").csv(dir);
            }
        }
    }

    /** Cancels what still runs and waits (up to 30 s) until no task runs, so nothing writes after the clean-up. */
    private static void quiesce(SparkSession spark) {
        spark.sparkContext().cancelAllJobs();
        long until = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < until) {
            int running = 0;
            for (var e : spark.sparkContext().statusTracker().getExecutorInfos()) {
                running += e.numRunningTasks();
            }
            if (running == 0 && spark.sparkContext().statusTracker().getActiveJobIds().length == 0) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * For embedded local mode, before the first SparkSession: Spark's and Hadoop's logging off (warnings
     * with {@code verbose}), unless the user configured log4j.
     */
    public static void quietLogging(boolean verbose) {
        if (System.getProperty("log4j2.configurationFile") != null || System.getProperty("log4j.configurationFile") != null) {
            return;
        }
        var url = SparkJob.class.getResource(verbose ? "log4j2-stance-verbose.properties" : "log4j2-stance.properties");
        if (url != null) {
            System.setProperty("log4j2.configurationFile", url.toString());
        }
    }

    /** One line: the malformed input, the usage error, or the innermost cause's message. */
    static String message(Throwable ex) {
        String malformed = MalformedInputException.find(ex);
        if (malformed != null) {
            return malformed;
        }
        Throwable t = ex;
        for (Throwable c = ex; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof JobException) {
                return c.getMessage();
            }
            t = c;
        }
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = msg.indexOf('\n');
        return (nl < 0 ? msg : msg.substring(0, nl)).strip();
    }
}
