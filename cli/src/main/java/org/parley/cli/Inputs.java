package org.parley.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Opens command inputs: files (checked up front) or standard input, decoded as UTF-8. A UTF-8
 * byte-order mark is skipped; a UTF-16 or UTF-32 one is refused with a clear message, since reading
 * such a file as UTF-8 would silently classify garbage.
 */
final class Inputs {

    private Inputs() {
    }

    /** Fails with one clear message if any file is missing or unreadable. */
    static void checkReadable(List<Path> files) {
        for (Path f : files) {
            if (!Files.exists(f)) {
                throw new CliException(f + ": no such file");
            }
            if (Files.isDirectory(f)) {
                throw new CliException(f + ": is a folder, expected a text file");
            }
            if (!Files.isReadable(f)) {
                throw new CliException(f + ": cannot be read (permission denied)");
            }
        }
    }

    /** A reader that turns invalid UTF-8 bytes into U+FFFD instead of failing. */
    static Reader lenientUtf8(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    /** A file's bytes, after its UTF-8 byte-order mark if it has one; see {@link #utf8(InputStream, String)}. */
    static InputStream open(Path f) throws IOException {
        InputStream in = Files.newInputStream(f);
        try {
            return utf8(in, f.toString());
        } catch (RuntimeException | IOException e) {
            in.close();
            throw e;
        }
    }

    /**
     * The stream after its UTF-8 byte-order mark, if any.
     *
     * @throws CliException if the stream starts with a UTF-16 or UTF-32 byte-order mark
     */
    static InputStream utf8(InputStream raw, String name) throws IOException {
        PushbackInputStream in = new PushbackInputStream(raw, 4);
        byte[] head = in.readNBytes(4);
        int n = head.length;
        int b0 = n > 0 ? head[0] & 0xff : -1;
        int b1 = n > 1 ? head[1] & 0xff : -1;
        int b2 = n > 2 ? head[2] & 0xff : -1;
        int b3 = n > 3 ? head[3] & 0xff : -1;
        boolean utf32 = (b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF) || (b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0);
        boolean utf16 = (b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE);
        if (utf32 || utf16) {
            throw new CliException(name + ": is " + (utf32 ? "UTF-32" : "UTF-16") + " (it starts with that byte-order mark), not UTF-8;"
                    + " convert it first, e.g. iconv -f " + (utf32 ? "UTF-32" : "UTF-16") + " -t UTF-8");
        }
        int skip = b0 == 0xEF && b1 == 0xBB && b2 == 0xBF ? 3 : 0;
        in.unread(head, skip, n - skip);
        return in;
    }
}
