package org.parley.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Opens command inputs: files (checked up front) or standard input, decoded as UTF-8. */
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

    static InputStream open(Path f) throws IOException {
        return Files.newInputStream(f);
    }
}
