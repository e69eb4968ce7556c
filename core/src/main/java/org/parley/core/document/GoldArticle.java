package org.parley.core.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.parley.core.CorpusFormatException;

/**
 * A hand-labelled article: its text ({@code NAME.txt}) and its gold sentences and speakers
 * ({@code NAME.gold.tsv}: columns {@code n}, {@code sentence}, {@code speaker}; sentences are exact
 * substrings of the text, in order; the speaker is the text naming who says the sentence, or empty).
 */
public record GoldArticle(String name, String text, List<Sentence> sentences) {

    /** A gold sentence located in the text, with its speaker's name as written (or empty). */
    public record Sentence(int start, int end, String speaker) {
    }

    public GoldArticle {
        sentences = List.copyOf(sentences);
    }

    /** Reads every {@code *.gold.tsv} in a folder with its {@code .txt}, sorted by name. */
    public static List<GoldArticle> readFolder(Path dir) {
        List<GoldArticle> out = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path gold : files.filter(p -> p.getFileName().toString().endsWith(".gold.tsv")).sorted().toList()) {
                String base = gold.getFileName().toString().replaceFirst("\\.gold\\.tsv$", "");
                out.add(read(gold.resolveSibling(base + ".txt"), gold));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir + ": " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new CorpusFormatException(dir + ": no *.gold.tsv files found");
        }
        return out;
    }

    public static GoldArticle read(Path textFile, Path goldFile) {
        try {
            String text = Files.readString(textFile, StandardCharsets.UTF_8);
            List<String> lines = Files.readAllLines(goldFile, StandardCharsets.UTF_8);
            List<Sentence> sentences = new ArrayList<>();
            int at = 0;
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                String[] f = lines.get(i).split("\t", -1);
                if (f.length != 3) {
                    throw new CorpusFormatException(goldFile + ":" + (i + 1) + ": expected 3 tab-separated columns, found " + f.length);
                }
                int start = text.indexOf(f[1], at);
                if (start < 0) {
                    throw new CorpusFormatException(goldFile + ":" + (i + 1) + ": the sentence is not in " + textFile.getFileName()
                            + " after the previous one");
                }
                sentences.add(new Sentence(start, start + f[1].length(), f[2].strip()));
                at = start + f[1].length();
            }
            return new GoldArticle(textFile.getFileName().toString(), text, sentences);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + goldFile + ": " + e.getMessage(), e);
        }
    }
}
