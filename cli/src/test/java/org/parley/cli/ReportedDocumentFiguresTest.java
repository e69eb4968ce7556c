package org.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The sentence-splitting and attribution figures the README reports are what
 * {@code stance documents evaluate examples/articles/test} measures today: a regression (or an
 * improvement) fails here until the README is updated with the new measurement.
 */
class ReportedDocumentFiguresTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void readmeFiguresMatchTheMeasurement() throws IOException {
        StringWriter out = new StringWriter();
        assertEquals(0, StanceCli.run(new String[] {"documents", "evaluate", ROOT.resolve("examples/articles/test").toString()},
                new PrintWriter(out), new PrintWriter(new StringWriter())));
        String measured = out.toString();
        String readme = Files.readString(ROOT.resolve("README.md"));

        assertFigures(readme, "sentence boundaries, Parley", measured, "Parley (ICU4J + news repairs)");
        assertFigures(readme, "sentence boundaries, ICU4J BreakIterator alone", measured, "ICU4J BreakIterator alone");
        assertFigures(readme, "speaker, exact span", measured, "exact span text");
        assertFigures(readme, "speaker, same name (shorter or longer span)", measured, "partial (same name, shorter or longer span)");
    }

    private static void assertFigures(String readme, String readmeRow, String measured, String measuredRow) {
        double[] reported = firstTwo(readme, readmeRow);
        double[] got = firstTwo(measured, measuredRow);
        assertEquals(reported[0], got[0], 1e-9, readmeRow + " precision: README says " + reported[0] + ", measured " + got[0]);
        assertEquals(reported[1], got[1], 1e-9, readmeRow + " recall: README says " + reported[1] + ", measured " + got[1]);
    }

    private static double[] firstTwo(String table, String row) {
        Matcher m = Pattern.compile("\\| " + Pattern.quote(row) + " \\| ([0-9.]+) \\| ([0-9.]+) \\|").matcher(table);
        assertTrue(m.find(), "no row '" + row + "' in:\n" + table);
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
    }
}
