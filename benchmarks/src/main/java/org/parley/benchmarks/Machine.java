package org.parley.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** A description of the machine and software a run used, for the report. */
record Machine(String cpu, int cores, String ram, String os, String java, String date, String commit) {

    static Machine describe(Path root) {
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name", ':').orElse(System.getProperty("os.arch"));
        String ram = firstValue(Path.of("/proc/meminfo"), "MemTotal", ':')
                .map(v -> String.format("%.1f GiB", Long.parseLong(v.replaceAll("\\D", "")) / 1024.0 / 1024.0)).orElse("unknown");
        String os = firstValue(Path.of("/etc/os-release"), "PRETTY_NAME", '=').map(v -> v.replace("\"", "") + ", ").orElse("")
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")";
        String java = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vendor") + ")";
        return new Machine(cpu, Runtime.getRuntime().availableProcessors(), ram, os, java,
                ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")), commit(root));
    }

    /** The value of the first line {@code key<separator>value} of a file. */
    private static Optional<String> firstValue(Path file, String key, char separator) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith(key)) {
                    int sep = line.indexOf(separator);
                    if (sep > 0) {
                        return Optional.of(line.substring(sep + 1).trim());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or unreadable: leave it out
        }
        return Optional.empty();
    }

    private static String commit(Path root) {
        try {
            String head = run(root, "git", "rev-parse", "--short", "HEAD").strip();
            boolean dirty = !run(root, "git", "status", "--porcelain", "--untracked-files=no").isBlank();
            return head.isEmpty() ? "unknown" : head + (dirty ? " (with uncommitted changes)" : "");
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }

    private static String run(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(cmd)).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor() == 0 ? out : "";
    }
}
