package org.parley.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Temporary output files to delete if the JVM stops before the run ends (Ctrl-C, SIGTERM): one
 * shutdown hook, registered on first use, deletes whatever is still registered. A SIGKILL runs no
 * hook; the files are hidden and the next run over the same output never reads them. Thread-safe.
 */
final class TempFiles {

    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();
    private static volatile boolean hooked;

    private TempFiles() {
    }

    /** Deletes {@code file} at JVM shutdown unless {@link #release} is called first. */
    static void deleteOnShutdown(Path file) {
        hook();
        PENDING.add(file);
    }

    /** The file was renamed into place or deleted: nothing to do at shutdown. */
    static void release(Path file) {
        PENDING.remove(file);
    }

    private static synchronized void hook() {
        if (hooked) {
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Path p : PENDING) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // shutting down: nothing else can be done
                }
            }
        }, "parley-temp-cleanup"));
        hooked = true;
    }
}
