package org.parley.core.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.parley.core.CorpusFormatException;
import org.parley.core.LabelSet;
import org.parley.core.LabeledSentence;

/**
 * Reads labelled-sentence TSV files strictly: UTF-8 (invalid bytes are an error), a header row with
 * {@code text} and {@code labels}, the same number of columns on every line, known labels only when
 * a label set is given. Errors name the source and line. Thread-safe (stateless).
 */
public final class TsvCorpusReader {

    /** Longest accepted line, in characters. */
    public static final int MAX_LINE = 100_000;

    private TsvCorpusReader() {
    }

    public static List<LabeledSentence> read(Path file, LabelSet allowed) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), allowed);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static List<LabeledSentence> read(InputStream in, String source, LabelSet allowed) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<LabeledSentence> out = new ArrayList<>();
        int lineNo = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, decoder))) {
            String header = r.readLine();
            lineNo = 1;
            if (header == null) {
                throw new CorpusFormatException(source + ": the file is empty; expected a header row with the columns text and labels");
            }
            if (header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            String[] cols = header.split("\t", -1);
            Map<String, Integer> col = new HashMap<>();
            for (int i = 0; i < cols.length; i++) {
                col.put(cols[i].trim(), i);
            }
            for (String required : List.of("text", "labels")) {
                if (!col.containsKey(required)) {
                    throw new CorpusFormatException(source + ":1: the header has no '" + required
                            + "' column (found " + String.join(", ", cols) + ")");
                }
            }
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.length() > MAX_LINE) {
                    throw new CorpusFormatException(source + ":" + lineNo + ": line longer than " + MAX_LINE + " characters");
                }
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != cols.length) {
                    throw new CorpusFormatException(source + ":" + lineNo + ": " + f.length + " columns, but the header has "
                            + cols.length + " (a tab inside a text field?)");
                }
                String text = f[col.get("text")];
                Set<String> labels = new LinkedHashSet<>();
                for (String l : f[col.get("labels")].split(",")) {
                    String name = l.trim();
                    if (name.isEmpty()) {
                        continue;
                    }
                    if (allowed != null && !allowed.contains(name)) {
                        throw new CorpusFormatException(source + ":" + lineNo + ": unknown label '" + name
                                + "'; the model's labels are " + allowed.names());
                    }
                    if (!name.matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
                        throw new CorpusFormatException(source + ":" + lineNo + ": invalid label name '" + name + "'");
                    }
                    labels.add(name);
                }
                out.add(new LabeledSentence(get(f, col, "id", source + "#" + lineNo), text, labels,
                        get(f, col, "conflict", ""), get(f, col, "style", ""), get(f, col, "speaker", ""),
                        get(f, col, "note", "")));
            }
        } catch (CharacterCodingException e) {
            throw new CorpusFormatException(source + ":" + (lineNo + 1) + ": not valid UTF-8", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static String get(String[] f, Map<String, Integer> col, String name, String dflt) {
        Integer i = col.get(name);
        return i == null ? dflt : f[i];
    }
}
