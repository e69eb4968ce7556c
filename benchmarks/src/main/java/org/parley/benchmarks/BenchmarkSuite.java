package org.parley.benchmarks;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.parley.core.CorpusSplit;
import org.parley.core.DocumentAnalyzer;
import org.parley.core.LabelSet;
import org.parley.core.LabeledSentence;
import org.parley.core.Parley;
import org.parley.core.StanceClassifier;

/**
 * Runs the whole suite and writes the Markdown report: accuracy on the test split, then with JMH
 * throughput (batches 1/32/256, 1 and 2 threads), single-sentence latency, the default model's
 * head alone, document throughput, cold load time, and memory per system in fresh JVMs.
 *
 * <pre>
 * BenchmarkSuite [--quick] [--out FILE]
 * </pre>
 *
 * {@code --quick}: one short iteration per measurement and a reduced matrix (every system still
 * present), written to {@code benchmarks/target/RESULTS-quick.md}; otherwise
 * {@code benchmarks/RESULTS.md}. Paths are relative to {@code -Dparley.root} (default: the working
 * directory). JMH's own output goes to {@code benchmarks/target/jmh-MODE.log}.
 */
public final class BenchmarkSuite {

    /** How long and how wide a run is. */
    record Plan(String mode, int warmupIterations, int warmupSeconds, int measurementIterations, int measurementSeconds,
                int[] batches, int[] threads, int loadForks) {

        static final Plan FULL = new Plan("full", 2, 2, 3, 3, new int[] {1, 32, 256}, new int[] {1, 2}, 5);
        static final Plan QUICK = new Plan("quick", 1, 1, 1, 1, new int[] {32}, new int[] {1}, 1);

        String describe() {
            return String.format(Locale.ROOT, "1 fork per measurement, %d warm-up iteration(s) of %d s and %d measured iteration(s)"
                    + " of %d s; load: %d fork(s) of one cold load each", warmupIterations, warmupSeconds, measurementIterations,
                    measurementSeconds, loadForks);
        }
    }

    /**
     * Log levels for this JVM and its children: warnings only (OpenNLP logs every training
     * iteration, ND4J its setup), and not DJL's "no GPU" warning.
     */
    static final List<String> LOG_LEVELS = List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda=error");

    /** One JMH run; {@code sink} stores its figure and says it in words. */
    private record Job(String label, ChainedOptionsBuilder options, Function<RunResult, String> sink) {
    }

    private BenchmarkSuite() {
    }

    public static void main(String[] args) throws Exception {
        for (String arg : LOG_LEVELS) {
            String[] kv = arg.substring(2).split("=", 2);
            if (System.getProperty(kv[0]) == null) {
                System.setProperty(kv[0], kv[1]);
            }
        }
        Plan plan = Plan.FULL;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> plan = Plan.QUICK;
                case "--out" -> {
                    if (i + 1 >= args.length) {
                        usage("--out needs a file name");
                    }
                    out = Path.of(args[++i]);
                }
                case "-h", "--help" -> {
                    System.out.println("Usage: stance bench [--quick] [--out FILE]");
                    return;
                }
                default -> usage("unknown argument '" + args[i] + "'");
            }
        }
        System.exit(run(plan, out));
    }

    private static void usage(String problem) {
        System.err.println("stance bench: " + problem + "\nUsage: stance bench [--quick] [--out FILE]");
        System.exit(2);
    }

    static int run(Plan plan, Path out) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Path root = Systems.root();
        Path target = root.resolve("benchmarks/target");
        if (out == null) {
            out = plan.mode().equals("quick") ? target.resolve("RESULTS-quick.md") : root.resolve("benchmarks/RESULTS.md");
        }
        Files.createDirectories(target);
        Results results = new Results(plan.mode());
        results.settings = plan.describe();

        System.out.println("Parley benchmark suite (" + plan.mode() + "), project " + root);
        CorpusSplit split = Systems.split(root);
        results.testSentences = split.test().size();
        results.testConflicts = (int) split.test().sentences().stream().map(LabeledSentence::conflict).distinct().count();
        long t = System.nanoTime();
        OpenNlpPeer peer = OpenNlpPeer.cached(split.train(), LabelSet.standard(), OpenNlpPeer.cacheDir(root));
        System.out.printf(Locale.ROOT, "OpenNLP peer ready (%d label models) in %.1f s%n", peer.labels().size(), secondsSince(t));
        t = System.nanoTime();
        System.out.println("Accuracy on the test split (the first run encodes the dev and test splits: about a minute)");
        Map<String, Accuracy.Score> accuracy = Accuracy.measure(root, split, peer);
        accuracy.forEach((system, score) -> results.row(system).accuracy = score);
        try (StanceClassifier fast = Parley.load(Systems.FAST)) {
            results.articleSentences = new DocumentAnalyzer(fast).sentences(Article.text()).size();
        }
        System.out.printf(Locale.ROOT, "Accuracy done in %.1f s%n", secondsSince(t));

        List<Job> jobs = jobs(plan, root, results);
        Path log = target.resolve("jmh-" + plan.mode() + ".log");
        System.out.println("Running " + jobs.size() + " JMH measurements (JMH output: " + log + ")");
        int failures = 0;
        try (PrintStream jmhOut = new PrintStream(new FileOutputStream(log.toFile()), true, StandardCharsets.UTF_8)) {
            for (int i = 0; i < jobs.size(); i++) {
                Job job = jobs.get(i);
                System.out.printf(Locale.ROOT, "[%2d/%d] %-52s", i + 1, jobs.size(), job.label());
                System.out.flush();
                t = System.nanoTime();
                try {
                    Collection<RunResult> rr = new Runner(job.options().build(),
                            OutputFormatFactory.createFormatInstance(jmhOut, VerboseMode.NORMAL)).run();
                    System.out.printf(Locale.ROOT, " %-32s (%.0f s)%n", job.sink().apply(rr.iterator().next()),
                            secondsSince(t));
                } catch (RunnerException | RuntimeException e) {
                    failures++;
                    results.notes.add("**Failed:** " + job.label() + ": " + e.getMessage());
                    System.out.println(" FAILED: " + e.getMessage() + " (see " + log + ")");
                }
            }
        }

        for (String system : Systems.ALL) {
            System.out.printf(Locale.ROOT, "        %-52s", "memory " + system + " (fresh JVM)");
            System.out.flush();
            try {
                MemoryProbe.Memory m = MemoryProbe.measure(system, root);
                results.row(system).memory = m;
                System.out.printf(Locale.ROOT, " heap %.1f MiB, off-heap %.1f MiB%n", m.heapAfterLoad() / 1048576.0,
                        m.offHeapAfterLoad() / 1048576.0);
            } catch (IOException e) {
                failures++;
                results.notes.add("**Failed:** memory probe for " + system + ": " + e.getMessage());
                System.out.println(" FAILED: " + e.getMessage());
            }
        }

        results.machine = Machine.describe(root);
        results.elapsedSeconds = secondsSince(t0);
        String md = ResultsReport.markdown(results);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(md);
        System.out.println("Written to " + out.toAbsolutePath().normalize());
        return failures == 0 ? 0 : 1;
    }

    /** The JMH runs of a plan, each storing its figure in {@code results}. */
    static List<Job> jobs(Plan plan, Path root, Results results) {
        List<Job> jobs = new ArrayList<>();
        for (int threads : plan.threads()) {
            for (int batch : plan.batches()) {
                for (String system : Systems.ALL) {
                    jobs.add(new Job(String.format(Locale.ROOT, "throughput %s batch %d, %d thread(s)", system, batch, threads),
                            timed(plan, root, ThroughputBenchmark.class).param("system", system)
                                    .param("batch", String.valueOf(batch)).threads(threads),
                            r -> {
                                double v = r.getPrimaryResult().getScore() * batch;
                                results.row(system).sentencesPerSecond.put(Results.cell(batch, threads), v);
                                return ResultsReport.rate(v) + " sentences/s";
                            }));
                }
            }
        }
        for (int threads : plan.threads()) {
            for (String system : Systems.ALL) {
                jobs.add(new Job(String.format(Locale.ROOT, "latency %s, %d thread(s)", system, threads),
                        timed(plan, root, LatencyBenchmark.class).param("system", system).threads(threads),
                        r -> {
                            double p50 = r.getPrimaryResult().getStatistics().getPercentile(50) / 1000;
                            double p99 = r.getPrimaryResult().getStatistics().getPercentile(99) / 1000;
                            results.row(system).p50Ms.put(threads, p50);
                            results.row(system).p99Ms.put(threads, p99);
                            return String.format(Locale.ROOT, "p50 %.3f ms, p99 %.3f ms", p50, p99);
                        }));
            }
        }
        for (int batch : plan.batches()) {
            jobs.add(new Job("head alone (default) batch " + batch, timed(plan, root, HeadOnlyBenchmark.class)
                    .param("batch", String.valueOf(batch)),
                    r -> {
                        double v = r.getPrimaryResult().getScore() * batch;
                        results.headOnlySentencesPerSecond.put(batch, v);
                        return ResultsReport.rate(v) + " sentences/s";
                    }));
        }
        for (int threads : plan.threads()) {
            for (int batch : plan.batches()) {
                if (batch > 32) {
                    continue; // a paired operation runs the batch twice; 256 sentences take seconds
                }
                jobs.add(new Job(String.format(Locale.ROOT, "paired default vs encoder batch %d, %d thread(s)", batch, threads),
                        timed(plan, root, PairedOverheadBenchmark.class).param("batch", String.valueOf(batch)).threads(threads),
                        r -> {
                            double enc = r.getSecondaryResults().get("encoderNanos").getScore();
                            double all = r.getSecondaryResults().get("modelNanos").getScore();
                            results.pairedRatio.put(Results.cell(batch, threads), enc / all);
                            return String.format(Locale.ROOT, "default runs at %.1f%% of the encoder's speed", 100 * enc / all);
                        }));
            }
        }
        for (String model : List.of(Systems.FAST, Systems.DEFAULT)) {
            jobs.add(new Job("article " + model, timed(plan, root, ArticleBenchmark.class).param("model", model),
                    r -> {
                        results.articlesPerSecond.put(model, r.getPrimaryResult().getScore());
                        return String.format(Locale.ROOT, "%.1f articles/s", r.getPrimaryResult().getScore());
                    }));
        }
        for (String system : Systems.ALL) {
            jobs.add(new Job("load " + system + " (" + plan.loadForks() + " fresh JVM(s))",
                    base(root, LoadBenchmark.class).param("system", system).forks(plan.loadForks())
                            .warmupIterations(0).measurementIterations(1).measurementBatchSize(1),
                    r -> {
                        var stats = r.getPrimaryResult().getStatistics();
                        results.row(system).loadMeanS = stats.getMean() / 1000;
                        results.row(system).loadMinS = stats.getMin() / 1000;
                        results.row(system).loadMaxS = stats.getMax() / 1000;
                        return String.format(Locale.ROOT, "%.2f s", stats.getMean() / 1000);
                    }));
        }
        return jobs;
    }

    private static ChainedOptionsBuilder base(Path root, Class<?> benchmark) {
        return new OptionsBuilder().include("^" + Pattern.quote(benchmark.getName()) + "\\.")
                .jvmArgsAppend(forkArgs(root))
                .shouldFailOnError(true);
    }

    /** JVM arguments of every child JVM. */
    static String[] forkArgs(Path root) {
        List<String> args = new ArrayList<>(List.of("-Xmx4g", "-Dparley.root=" + root));
        args.addAll(LOG_LEVELS);
        return args.toArray(String[]::new);
    }

    private static ChainedOptionsBuilder timed(Plan plan, Path root, Class<?> benchmark) {
        return base(root, benchmark).forks(1)
                .warmupIterations(plan.warmupIterations()).warmupTime(TimeValue.seconds(plan.warmupSeconds()))
                .measurementIterations(plan.measurementIterations()).measurementTime(TimeValue.seconds(plan.measurementSeconds()));
    }

    private static double secondsSince(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
