package org.parley.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.parley.core.json.BoundedJson;

/**
 * Reads back a partial {@code classify --document} output to find where to continue: the header must
 * be this run's, every complete record must be a record of this run's format and columns (else the
 * file is refused), and the documents whose records are all there are done. The last document in the
 * file may have been cut by the interruption, so the file is cut before its first record and it is
 * redone; an incomplete last record is dropped.
 */
final class PartialScan {

    /** The documents complete in the file, in order, and the byte length to keep. */
    record Result(Set<String> done, long keep) {
    }

    private final SentenceTable table;
    private final Path file;
    private final int columns;

    private PartialScan(SentenceTable table, Path file) {
        this.table = table;
        this.file = file;
        this.columns = table.columns().size();
    }

    /**
     * @throws CliException if the file holds anything this run would not have written
     */
    static Result scan(Path file, SentenceTable table) {
        try {
            return new PartialScan(table, file).run();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read the partial output: " + IoReason.of(e), e);
        }
    }

    private Result run() throws IOException {
        Set<String> done = new LinkedHashSet<>();
        byte[] header = table.header() == null ? new byte[0] : (table.header() + "\n").getBytes(StandardCharsets.UTF_8);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] head = in.readNBytes(header.length);
            if (!Arrays.equals(head, header)) {
                if (Arrays.equals(head, Arrays.copyOf(header, head.length)) && in.read() < 0) {
                    return new Result(done, 0); // the header itself was cut
                }
                throw foreign("its header is not this run's");
            }
            long pos = header.length;
            long lastStart = -1;
            String last = null;
            ByteArrayOutputStream rec = new ByteArrayOutputStream();
            boolean quoted = false;
            long recordNo = header.length > 0 ? 1 : 0;
            int b;
            while ((b = in.read()) >= 0) {
                rec.write(b);
                if (b == '"' && table.format() == SentenceTable.Format.csv) {
                    quoted = !quoted;
                }
                if (b != '\n' || quoted) {
                    continue;
                }
                recordNo++;
                String id = idOf(rec.toString(StandardCharsets.UTF_8), recordNo);
                if (!id.equals(last)) {
                    if (last != null) {
                        done.add(last);
                    }
                    if (done.contains(id)) {
                        throw foreign("the records of document \"" + id + "\" are not together (record " + recordNo + ")");
                    }
                    last = id;
                    lastStart = pos;
                }
                pos += rec.size();
                rec.reset();
            }
            return new Result(done, last == null ? header.length : lastStart);
        }
    }

    /** The document id of a complete record (ending in a newline). */
    private String idOf(String record, long recordNo) {
        String r = record.substring(0, record.length() - 1);
        switch (table.format()) {
            case jsonl -> {
                try {
                    JsonObject o = BoundedJson.parseObject(r);
                    JsonElement doc = o.get("doc");
                    if (doc != null && doc.isJsonPrimitive() && doc.getAsJsonPrimitive().isString() && o.has("sentence")
                            && o.has("scores")) {
                        return doc.getAsString();
                    }
                } catch (BoundedJson.InvalidJsonException e) {
                    // reported below
                }
            }
            case tsv -> {
                String[] f = r.split("\t", -1);
                if (f.length == columns) {
                    return Fields.tsvIdValue(f[0]);
                }
            }
            case csv -> {
                List<String> f = csvFields(r);
                if (f != null && f.size() == columns) {
                    return f.get(0);
                }
            }
            case text -> {
                // never resumed
            }
        }
        throw foreign("record " + recordNo + " is not a " + table.format() + " record of this run");
    }

    /** The fields of one RFC 4180 record, or null if its quoting is broken. */
    private static List<String> csvFields(String r) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        int i = 0;
        while (true) {
            if (i < r.length() && r.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= r.length()) {
                        return null;
                    }
                    char c = r.charAt(i++);
                    if (c == '"') {
                        if (i < r.length() && r.charAt(i) == '"') {
                            f.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        f.append(c);
                    }
                }
            } else {
                while (i < r.length() && r.charAt(i) != ',') {
                    f.append(r.charAt(i++));
                }
            }
            out.add(f.toString());
            f.setLength(0);
            if (i >= r.length()) {
                return out;
            }
            if (r.charAt(i) != ',') {
                return null;
            }
            i++;
        }
    }

    private CliException foreign(String why) {
        return new CliException(file + ": not a partial output of this run (" + why + "); refusing to resume it");
    }
}
