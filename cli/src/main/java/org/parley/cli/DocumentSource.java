package org.parley.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Stream;

import org.parley.core.DocumentAnalyzer;
import org.parley.core.json.Safe;

/**
 * Streams documents from the command's inputs, one at a time, so corpora larger than the heap run in
 * bounded memory: a {@code .txt} file is one document; a folder contributes its {@code .txt} files
 * (recursively, sorted by path); a {@code .csv}, {@code .tsv} or {@code .jsonl} file contributes one
 * document per row, with the id and text taken from the named columns. Each document is read up to
 * {@link DocumentAnalyzer#MAX_CHARS} characters (the analyzer's limit); invalid UTF-8 becomes U+FFFD.
 *
 * <p>Ids are unique within a run: a {@code .txt} file in a folder is named by its path relative to
 * that folder ({@code a/report.txt}), a {@code .txt} file given directly by its file name, a row
 * without an id by {@code FILE:LINE}. A repeated id, like a malformed row, stops the run with
 * {@code file:line: what is wrong}.
 */
final class DocumentSource implements Iterator<DocumentSource.Doc>, AutoCloseable {

    /** One document: its id, its text, and where it comes from (a path, or {@code file:line}) for messages. */
    record Doc(String id, String text, String where) {
    }

    /** An input file and the id of its document when it is a {@code .txt} file. */
    record Input(Path file, String txtId) {
    }

    private final List<Input> inputs;
    private final String idColumn;
    private final String textColumn;
    private final Set<String> seen = new HashSet<>();
    private int nextInput;
    private Iterator<Doc> current = Collections.emptyIterator();
    private AutoCloseable open;
    private Doc next;

    DocumentSource(List<Path> inputs, String idColumn, String textColumn) {
        this.inputs = expand(inputs);
        this.idColumn = idColumn;
        this.textColumn = textColumn;
    }

    /** Input files in reading order, folders replaced by their .txt files; fails up front on missing inputs. */
    private static List<Input> expand(List<Path> inputs) {
        List<Input> out = new ArrayList<>();
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
                    for (Path f : txt) {
                        out.add(new Input(f, relativeId(p, f)));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(p + ": " + IoReason.of(e), e);
                } catch (UncheckedIOException e) {
                    throw new UncheckedIOException(p + ": cannot list the folder: " + IoReason.of(e.getCause()), e.getCause());
                }
            } else if (!Files.isReadable(p)) {
                throw new CliException(p + ": cannot be read (permission denied)");
            } else {
                out.add(new Input(p, kind(p) == Kind.TXT ? p.getFileName().toString() : null));
            }
        }
        return out;
    }

    /** The path of {@code file} relative to {@code root}, with '/' between names whatever the platform. */
    private static String relativeId(Path root, Path file) {
        Path rel = root.relativize(file);
        StringBuilder sb = new StringBuilder();
        for (Path part : rel) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(part);
        }
        return sb.toString();
    }

    /** The input files in reading order (folders expanded). */
    List<Path> files() {
        return inputs.stream().map(Input::file).toList();
    }

    /** How many documents there will be, when known without reading (files and folders); -1 for tables. */
    long knownCount() {
        for (Input in : inputs) {
            if (in.txtId() == null) {
                return -1;
            }
        }
        return inputs.size();
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            if (current.hasNext()) {
                Doc d = current.next();
                if (!seen.add(d.id())) {
                    throw new CliException(d.where() + ": the document id \"" + Safe.cap(d.id(), 80) + "\" was already used by an "
                            + "earlier document; ids must be unique within a run (for a table, name a unique column with --id-column)");
                }
                next = d;
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

    private void openNext(Input in) {
        Path p = in.file();
        try {
            switch (kind(p)) {
                case TXT -> current = List.of(new Doc(in.txtId(), readBounded(p), p.toString())).iterator();
                case CSV, TSV -> {
                    TableReader t = new TableReader(reader(p), kind(p) == Kind.CSV ? ',' : '\t', p.toString());
                    open = t;
                    current = t.documents(idColumn, textColumn, p.getFileName().toString());
                }
                case JSONL -> {
                    Reader r = reader(p);
                    open = r;
                    current = new JsonLinesReader(r, p, idColumn, textColumn);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(p + ": " + IoReason.of(e), e);
        }
    }

    private static Reader reader(Path p) throws IOException {
        return new BufferedReader(Inputs.lenientUtf8(Inputs.open(p)), 1 << 16);
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
