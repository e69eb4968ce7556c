package org.parley.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.parley.core.DocumentAnalyzer;

/**
 * Reads CSV (RFC 4180: quoted fields may hold commas, quotes as {@code ""} and line breaks) or TSV
 * (one row per line, no quoting) with a header row, streaming one row at a time. Fields are capped at
 * {@link DocumentAnalyzer#MAX_CHARS} characters so a runaway quote cannot exhaust memory.
 */
final class TableReader implements AutoCloseable {

    private final Reader in;
    private final char sep;
    private final String source;
    private int line = 1;
    private int peeked = -2;

    TableReader(Reader in, char sep, String source) {
        this.in = in;
        this.sep = sep;
        this.source = source;
    }

    /**
     * Documents from the rows, taking the id and text columns by header name.
     *
     * @param unnamed the id of a row without an id column is this, a colon and the row's line number
     */
    Iterator<DocumentSource.Doc> documents(String idColumn, String textColumn, String unnamed) throws IOException {
        List<String> header = row();
        if (header == null) {
            return java.util.Collections.emptyIterator();
        }
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
        }
        int textAt = header.indexOf(textColumn);
        int idAt = header.indexOf(idColumn);
        if (textAt < 0) {
            throw new CliException(source + ":1: no column \"" + textColumn + "\" in the header " + header
                    + " (choose it with --text-column)");
        }
        return new Iterator<>() {
            DocumentSource.Doc pending;

            @Override
            public boolean hasNext() {
                try {
                    while (pending == null) {
                        int rowLine = line;
                        List<String> r = row();
                        if (r == null) {
                            return false;
                        }
                        if (r.size() == 1 && r.get(0).isEmpty()) {
                            continue; // blank line
                        }
                        if (r.size() != header.size()) {
                            throw new CliException(source + ":" + rowLine + ": expected " + header.size() + " columns, found " + r.size());
                        }
                        pending = new DocumentSource.Doc(idAt >= 0 ? r.get(idAt) : unnamed + ":" + rowLine, r.get(textAt), source + ":" + rowLine);
                    }
                    return true;
                } catch (IOException e) {
                    throw new UncheckedIOException(source + ": " + e.getMessage(), e);
                }
            }

            @Override
            public DocumentSource.Doc next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                DocumentSource.Doc d = pending;
                pending = null;
                return d;
            }
        };
    }

    /** The next row's fields, or null at the end of input. */
    List<String> row() throws IOException {
        int c = read();
        if (c < 0) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        boolean fieldStart = true;
        int startLine = line;
        while (true) {
            if (c < 0) {
                if (quoted) {
                    throw new CliException(source + ":" + startLine + ": a quoted field is never closed");
                }
                break;
            }
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    int n = read();
                    if (n == '"') {
                        append(f, '"');
                    } else {
                        quoted = false;
                        c = n;
                        continue;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    append(f, ch);
                }
            } else if (ch == '"' && fieldStart && sep == ',') {
                quoted = true;
            } else if (ch == sep) {
                fields.add(f.toString());
                f.setLength(0);
                fieldStart = true;
                c = read();
                continue;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r') {
                    int n = read();
                    if (n != '\n') {
                        unread(n);
                    }
                }
                line++;
                break;
            } else {
                append(f, ch);
            }
            fieldStart = false;
            c = read();
        }
        fields.add(f.toString());
        return fields;
    }

    private static void append(StringBuilder f, char c) {
        if (f.length() < DocumentAnalyzer.MAX_CHARS) {
            f.append(c);
        }
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int p = peeked;
            peeked = -2;
            return p;
        }
        return in.read();
    }

    private void unread(int c) {
        peeked = c;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
