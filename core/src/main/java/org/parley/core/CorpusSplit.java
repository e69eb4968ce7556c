package org.parley.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A corpus divided into train, development and test parts.
 *
 * <p>The project's split is <em>cross-conflict</em>: a split file (TSV with the columns
 * {@code conflict} and {@code split}, values {@code train}, {@code dev} or {@code test}) assigns
 * every conflict to one part, so test conflicts never appear in training.
 *
 * <p>Immutable and thread-safe.
 */
public record CorpusSplit(Corpus train, Corpus dev, Corpus test) {

    public CorpusSplit {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(dev, "dev");
        Objects.requireNonNull(test, "test");
    }

    /**
     * Splits by the conflict-to-part table in {@code splitsFile}.
     *
     * @throws CorpusFormatException if the file is malformed or a sentence's conflict is not assigned
     */
    public static CorpusSplit byConflict(Corpus corpus, Path splitsFile) {
        Map<String, String> parts = readSplitTable(splitsFile);
        for (LabeledSentence s : corpus.sentences()) {
            if (!parts.containsKey(s.conflict())) {
                throw new CorpusFormatException(splitsFile + ": conflict '" + s.conflict() + "' (sentence " + s.id()
                        + ") is not assigned to train, dev or test");
            }
        }
        return new CorpusSplit(corpus.filter(s -> parts.get(s.conflict()).equals("train")),
                corpus.filter(s -> parts.get(s.conflict()).equals("dev")),
                corpus.filter(s -> parts.get(s.conflict()).equals("test")));
    }

    /**
     * A seeded random split for corpora without a split file: {@code devShare} of the sentences go
     * to dev, none to test.
     */
    public static CorpusSplit random(Corpus corpus, double devShare, long seed) {
        if (!(devShare > 0 && devShare < 1)) {
            throw new IllegalArgumentException("devShare must be in (0, 1), got " + devShare);
        }
        Random rnd = new Random(seed);
        Set<Integer> dev = new TreeSet<>();
        List<LabeledSentence> all = corpus.sentences();
        for (int i = 0; i < all.size(); i++) {
            if (rnd.nextDouble() < devShare) {
                dev.add(i);
            }
        }
        if (dev.isEmpty() && all.size() > 1) {
            dev.add(all.size() - 1);
        }
        List<LabeledSentence> tr = new java.util.ArrayList<>();
        List<LabeledSentence> dv = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            (dev.contains(i) ? dv : tr).add(all.get(i));
        }
        return new CorpusSplit(Corpus.of(tr), Corpus.of(dv), Corpus.of(List.of()));
    }

    /** The conflict → part table of a split file. */
    public static Map<String, String> readSplitTable(Path splitsFile) {
        List<String> lines;
        try {
            lines = Files.readAllLines(splitsFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read split file " + splitsFile + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty() || !lines.get(0).startsWith("conflict\tsplit")) {
            throw new CorpusFormatException(splitsFile + ":1: expected the header 'conflict<TAB>split'");
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] f = lines.get(i).split("\t", -1);
            if (f.length < 2 || !Set.of("train", "dev", "test").contains(f[1])) {
                throw new CorpusFormatException(splitsFile + ":" + (i + 1) + ": expected 'conflict<TAB>train|dev|test'");
            }
            if (parts.put(f[0], f[1]) != null) {
                throw new CorpusFormatException(splitsFile + ":" + (i + 1) + ": conflict '" + f[0] + "' is assigned twice");
            }
        }
        return parts;
    }
}
