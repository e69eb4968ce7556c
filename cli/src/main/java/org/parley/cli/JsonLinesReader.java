package org.parley.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.parley.core.DocumentAnalyzer;
import org.parley.core.json.BoundedJson;

/**
 * Documents from a JSON Lines file: one object per line, parsed with {@link BoundedJson} (nesting and
 * number length bounded). A line may be up to {@value #MAX_LINE_CHARS} characters, room for a text of
 * {@link DocumentAnalyzer#MAX_CHARS} characters even when JSON escapes inflate it; the text is then cut
 * to that limit like a CSV field. The id is a string or a number; a missing or null id becomes
 * {@code FILE:LINE}. Blank lines are skipped.
 */
final class JsonLinesReader implements Iterator<DocumentSource.Doc> {

    /** Longest JSON line read, in characters. */
    static final int MAX_LINE_CHARS = 8 << 20;

    private final BoundedLineReader lines;
    private final Path file;
    private final String idColumn;
    private final String textColumn;
    private int lineNo;
    private DocumentSource.Doc pending;

    JsonLinesReader(Reader in, Path file, String idColumn, String textColumn) {
        this.lines = new BoundedLineReader(in, MAX_LINE_CHARS);
        this.file = file;
        this.idColumn = idColumn;
        this.textColumn = textColumn;
    }

    @Override
    public boolean hasNext() {
        try {
            String line;
            while (pending == null && (line = lines.readLine()) != null) {
                lineNo++;
                if (lines.lastLineCut()) {
                    throw new CliException(where() + ": a line longer than " + MAX_LINE_CHARS + " characters; "
                            + "split the document or shorten its text");
                }
                if (!line.isBlank()) {
                    pending = document(line);
                }
            }
            return pending != null;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + IoReason.of(e), e);
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

    private DocumentSource.Doc document(String line) {
        JsonObject node;
        try {
            node = BoundedJson.parseObject(line);
        } catch (BoundedJson.InvalidJsonException e) {
            throw new CliException(where() + ": not a JSON object (" + e.getMessage() + ")");
        }
        JsonElement text = node.get(textColumn);
        if (text == null || !text.isJsonPrimitive() || !text.getAsJsonPrimitive().isString()) {
            throw new CliException(where() + ": no string field \"" + textColumn + "\" (choose it with --text-column)");
        }
        String t = text.getAsString();
        if (t.length() > DocumentAnalyzer.MAX_CHARS) {
            int end = DocumentAnalyzer.MAX_CHARS;
            t = t.substring(0, Character.isLowSurrogate(t.charAt(end)) ? end - 1 : end);
        }
        return new DocumentSource.Doc(id(node.get(idColumn)), t, where());
    }

    private String id(JsonElement id) {
        if (id == null || id.isJsonNull()) {
            return file.getFileName() + ":" + lineNo;
        }
        if (id.isJsonPrimitive() && !id.getAsJsonPrimitive().isBoolean()) {
            return id.getAsString(); // a string, or a number as written (at most 64 characters)
        }
        throw new CliException(where() + ": the \"" + idColumn + "\" field is " + BoundedJson.kind(id)
                + "; an id must be a string or a number");
    }

    private String where() {
        return file + ":" + lineNo;
    }
}
