package org.parley.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Refuses an {@code -o} output that cannot be written or would destroy data, before any work: a
 * folder, a missing or unwritable folder, or one of the command's own inputs.
 */
final class OutputChecks {

    private OutputChecks() {
    }

    /**
     * @param inputs the input files (folders already expanded to their files)
     * @throws CliException naming the problem
     */
    static void check(Path output, Collection<Path> inputs) {
        if (Files.isDirectory(output)) {
            throw new CliException(output + ": is a folder; -o needs a file name");
        }
        Path dir = folderOf(output);
        if (!Files.isWritable(dir)) {
            throw new CliException(output + ": cannot write in the folder " + dir + ": permission denied");
        }
        if (Files.exists(output)) {
            for (Path in : inputs) {
                if (sameFile(in, output)) {
                    throw new CliException(output + ": is also an input; refusing to overwrite it (choose another -o file)");
                }
            }
        }
    }

    /** The folder the output goes in; it must exist. */
    static Path folderOf(Path output) {
        Path dir = output.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new CliException(output + ": the folder " + (dir == null ? "" : dir + " ") + "does not exist");
        }
        return dir;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
