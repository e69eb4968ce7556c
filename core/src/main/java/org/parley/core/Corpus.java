package org.parley.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.parley.core.corpus.TsvCorpusReader;

/**
 * An immutable list of labelled sentences, read from UTF-8 TSV files with a header row and at least
 * the columns {@code text} and {@code labels} (comma-separated label names, empty for none);
 * optional columns are {@code id}, {@code conflict}, {@code style}, {@code speaker} and {@code note}.
 *
 * <p>Immutable and thread-safe. Reading a malformed file throws {@link CorpusFormatException}
 * naming the file and line.
 */
public final class Corpus {

    private final List<LabeledSentence> sentences;
    private final String sha256;

    private Corpus(List<LabeledSentence> sentences) {
        this.sentences = List.copyOf(sentences);
        this.sha256 = digest(this.sentences);
    }

    /** A corpus of these sentences. */
    public static Corpus of(List<LabeledSentence> sentences) {
        return new Corpus(Objects.requireNonNull(sentences, "sentences"));
    }

    /**
     * Reads one TSV file, or every {@code *.tsv} file directly in a folder (in name order, skipping
     * {@code splits.tsv}). Any label name is accepted.
     *
     * @throws CorpusFormatException if a file is malformed
     * @throws UncheckedIOException  if a file cannot be read
     */
    public static Corpus read(Path fileOrDir) {
        return read(fileOrDir, null);
    }

    /**
     * Like {@link #read(Path)}, but every label must belong to {@code allowed}.
     *
     * @throws CorpusFormatException naming file and line on an unknown label
     */
    public static Corpus read(Path fileOrDir, LabelSet allowed) {
        Objects.requireNonNull(fileOrDir, "fileOrDir");
        List<LabeledSentence> all = new ArrayList<>();
        for (Path f : files(fileOrDir)) {
            all.addAll(TsvCorpusReader.read(f, allowed));
        }
        return new Corpus(all);
    }

    /** Reads TSV text from a stream; {@code sourceName} is used in error messages. */
    public static Corpus read(InputStream in, String sourceName, LabelSet allowed) {
        return new Corpus(TsvCorpusReader.read(in, sourceName, allowed));
    }

    static List<Path> files(Path fileOrDir) {
        if (!Files.exists(fileOrDir)) {
            throw new UncheckedIOException(new IOException("No such file or folder: " + fileOrDir));
        }
        if (!Files.isDirectory(fileOrDir)) {
            return List.of(fileOrDir);
        }
        try (Stream<Path> s = Files.list(fileOrDir)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(".tsv"))
                    .filter(p -> !p.getFileName().toString().equals("splits.tsv"))
                    .filter(Files::isRegularFile).sorted().toList();
            if (files.isEmpty()) {
                throw new CorpusFormatException("Folder " + fileOrDir + " has no .tsv files");
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + fileOrDir + ": " + e.getMessage(), e);
        }
    }

    public List<LabeledSentence> sentences() {
        return sentences;
    }

    public int size() {
        return sentences.size();
    }

    /** The sentences that satisfy {@code keep}. */
    public Corpus filter(Predicate<LabeledSentence> keep) {
        return new Corpus(sentences.stream().filter(keep).toList());
    }

    /** Every label name used, sorted. */
    public Set<String> labelNames() {
        Set<String> names = new TreeSet<>();
        sentences.forEach(s -> names.addAll(s.labels()));
        return names;
    }

    /**
     * A label set for the labels this corpus uses: the standard taxonomy order when every name is a
     * standard label, otherwise alphabetical.
     */
    public LabelSet labelSet() {
        Set<String> used = labelNames();
        if (used.isEmpty()) {
            throw new IllegalStateException("The corpus has no labelled sentence, so there are no labels to learn");
        }
        if (LabelSet.standard().names().containsAll(used)) {
            Set<String> ordered = new LinkedHashSet<>();
            for (String n : LabelSet.standard().names()) {
                if (used.contains(n)) {
                    ordered.add(n);
                }
            }
            return LabelSet.ofNames(ordered);
        }
        return LabelSet.ofNames(used);
    }

    /** SHA-256 (hex) over every sentence's id, text and sorted labels: identifies the data exactly. */
    public String sha256() {
        return sha256;
    }

    private static String digest(List<LabeledSentence> sentences) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (LabeledSentence s : sentences) {
                md.update(s.id().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 9);
                md.update(s.text().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 9);
                md.update(String.join(",", new TreeSet<>(s.labels())).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 10);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
