package org.parley.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

import org.nd4j.shade.jackson.databind.JsonNode;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.parley.core.DocumentAnalyzer;

/**
 * Streams documents from the command's inputs, one at a time, so corpora larger than the heap run in
 * bounded memory: a {@code .txt} file is one document (its file name is the id); a folder contributes
 * its {@code .txt} files (recursively, sorted by path); a {@code .csv}, {@code .tsv} or {@code .jsonl}
 * file contributes one document per row, with the id and text taken from the named columns. Each
 * document is read up to {@link DocumentAnalyzer#MAX_CHARS} characters (the analyzer's limit); invalid
 * UTF-8 becomes U+FFFD. A malformed row stops the run with {@code file:line: what is wrong}.
 */
final class DocumentSource implements Iterator<DocumentSource.Doc>, AutoCloseable {

    /** One document: its id and text. */
    record Doc(String id, String text) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Path> inputs;
    private final String idColumn;
    private final String textColumn;
    private int nextInput;
    private Iterator<Doc> current = java.util.Collections.emptyIterator();
    private AutoCloseable open;
    private Doc next;

    DocumentSource(List<Path> inputs, String idColumn, String textColumn) {
        this.inputs = expand(inputs);
        this.idColumn = idColumn;
        this.textColumn = textColumn;
    }

    /** Input paths with folders replaced by their .txt files; fails up front on missing inputs. */
    private static List<Path> expand(List<Path> inputs) {
        List<Path> out = new ArrayList<>();
        for (Path p : inputs) {
            if (!Files.exists(p)) {
                throw new CliException(p + ": no such file or folder");
            }
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    List<Path> txt = walk.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt"))
                            .sorted().toList();
                    if (txt.isEmpty()) {
                        throw new CliException(p + ": the folder holds no .txt files");
                    }
                    out.addAll(txt);
                } catch (IOException e) {
                    throw new UncheckedIOException(p + ": " + e.getMessage(), e);
                }
            } else if (!Files.isReadable(p)) {
                throw new CliException(p + ": cannot be read (permission denied)");
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /** How many documents there will be, when known without reading (files and folders); -1 for tables. */
    long knownCount() {
        for (Path p : inputs) {
            if (kind(p) != Kind.TXT) {
                return -1;
            }
        }
        return inputs.size();
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            if (current.hasNext()) {
                next = current.next();
            } else if (nextInput < inputs.size()) {
                closeOpen();
                openNext(inputs.get(nextInput++));
            } else {
                return false;
            }
        }
        return true;
    }

    @Override
    public Doc next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Doc d = next;
        next = null;
        return d;
    }

    private enum Kind { TXT, CSV, TSV, JSONL }

    private static Kind kind(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv")) {
            return Kind.CSV;
        }
        if (n.endsWith(".tsv")) {
            return Kind.TSV;
        }
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
            return Kind.JSONL;
        }
        return Kind.TXT;
    }

    private void openNext(Path p) {
        try {
            switch (kind(p)) {
                case TXT -> current = List.of(new Doc(p.getFileName().toString(), readBounded(p))).iterator();
                case CSV, TSV -> {
                    TableReader t = new TableReader(reader(p), kind(p) == Kind.CSV ? ',' : '\t', p.toString());
                    open = t;
                    current = t.documents(idColumn, textColumn);
                }
                case JSONL -> {
                    BufferedReader r = new BufferedReader(reader(p));
                    open = r;
                    current = jsonLines(r, p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(p + ": " + e.getMessage(), e);
        }
    }

    private static Reader reader(Path p) throws IOException {
        InputStream in = Files.newInputStream(p);
        return new BufferedReader(Inputs.lenientUtf8(in), 1 << 16);
    }

    private static String readBounded(Path p) throws IOException {
        try (Reader r = reader(p)) {
            char[] buf = new char[DocumentAnalyzer.MAX_CHARS];
            int n = 0;
            int k;
            while (n < buf.length && (k = r.read(buf, n, buf.length - n)) > 0) {
                n += k;
            }
            return new String(buf, 0, n);
        }
    }

    private Iterator<Doc> jsonLines(BufferedReader r, Path p) {
        BoundedLineReader lines = new BoundedLineReader(r);
        return new Iterator<>() {
            int lineNo;
            Doc pending;

            @Override
            public boolean hasNext() {
                try {
                    String line;
                    while (pending == null && (line = lines.readLine()) != null) {
                        lineNo++;
                        if (line.isBlank()) {
                            continue;
                        }
                        JsonNode node;
                        try {
                            node = JSON.readTree(line);
                        } catch (IOException e) {
                            throw new CliException(p + ":" + lineNo + ": not a JSON object (" + firstLine(e.getMessage()) + ")");
                        }
                        if (node == null || !node.isObject()) {
                            throw new CliException(p + ":" + lineNo + ": expected a JSON object per line");
                        }
                        JsonNode text = node.get(textColumn);
                        if (text == null || !text.isTextual()) {
                            throw new CliException(p + ":" + lineNo + ": no string field \"" + textColumn + "\" (choose it with --text-column)");
                        }
                        JsonNode id = node.get(idColumn);
                        String ids = id == null || id.isNull() ? String.valueOf(lineNo) : id.asText();
                        pending = new Doc(ids, text.asText()); // the line reader caps it; the analyzer truncates
                    }
                    return pending != null;
                } catch (IOException e) {
                    throw new UncheckedIOException(p + ": " + e.getMessage(), e);
                }
            }

            @Override
            public Doc next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Doc d = pending;
                pending = null;
                return d;
            }
        };
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    private void closeOpen() {
        if (open != null) {
            try {
                open.close();
            } catch (Exception e) {
                // reading is finished; nothing to recover
            }
            open = null;
        }
    }

    @Override
    public void close() {
        closeOpen();
    }
}
