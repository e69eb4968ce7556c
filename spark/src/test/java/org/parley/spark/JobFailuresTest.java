package org.parley.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A malformed input row gives one clear error line, exit code 2, and no output directory. */
class JobFailuresTest {

    @BeforeAll
    static void setUp() {
        TestSpark.get();
    }

    /** Runs the job; returns the exit code and stderr. */
    static Object[] run(String... args) {
        StringWriter err = new StringWriter();
        int code = SparkJob.run(args, new PrintWriter(err, true));
        return new Object[] {code, err.toString()};
    }

    static void assertFailsCleanly(Path tmp, Path out, Object[] r, String expected) throws IOException {
        String err = (String) r[1];
        assertEquals(2, r[0], err);
        assertEquals(1, err.lines().count(), "one line: " + err);
        assertTrue(err.startsWith("stance: error: "), err);
        assertTrue(err.contains(expected), err);
        assertFalse(Files.exists(out), "no output directory");
        try (Stream<Path> left = Files.list(tmp)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary directory left");
        }
    }

    @Test
    void csvRowWithTooManyFields(@TempDir Path tmp) throws IOException {
        Path in = tmp.resolve("docs.csv");
        Files.writeString(in, "id,text\nd1,\"The council called for talks.\"\nd2,one,two\nd3,Fine.\n");
        Path out = tmp.resolve("out");
        assertFailsCleanly(tmp, out, run("--document", "-m", "fast", "-o", out.toString(), in.toString()),
                in + ":3: expected 2 columns");
    }

    @Test
    void jsonlLineThatIsNotAnObject(@TempDir Path tmp) throws IOException {
        Path in = tmp.resolve("docs.jsonl");
        Files.writeString(in, "{\"id\": \"a\", \"text\": \"Both sides agreed to a truce.\"}\n\n{\"id\": \"b\", \"text\": \n");
        Path out = tmp.resolve("out");
        assertFailsCleanly(tmp, out, run("-m", "fast", "--format", "parquet", "-o", out.toString(), in.toString()),
                in + ":3: not a JSON object");
    }

    @Test
    void missingTextFieldAndRepeatedIds(@TempDir Path tmp) throws IOException {
        Path in = tmp.resolve("docs.jsonl");
        Files.writeString(in, "{\"id\": \"a\", \"body\": \"x\"}\n");
        Path out = tmp.resolve("out");
        assertFailsCleanly(tmp, out, run("--document", "-m", "fast", "-o", out.toString(), in.toString()),
                in + ":1: no string field \"text\"");
        Path dup = tmp.resolve("dup.tsv");
        Files.writeString(dup, "id\ttext\na\tOne.\na\tTwo.\n");
        assertFailsCleanly(tmp, out, run("--document", "-m", "fast", "-o", out.toString(), dup.toString()),
                "the document id \"a\" is used by 2 documents");
    }

    @Test
    void usageErrors(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        assertFailsCleanly(tmp, out, run("-o", out.toString(), tmp.resolve("nope.txt").toString()), "nope.txt: no such file or folder");
        assertFailsCleanly(tmp, out, run("-m", "./missing-model.zip", "-o", out.toString(), DocumentModeTest.ARTICLES.toString()),
                "missing-model.zip: no such model file");
        Object[] r = run("--format", "xml", "-o", out.toString(), "x.txt");
        assertEquals(2, r[0]);
        Files.createDirectory(out);
        r = run("-m", "fast", "-o", out.toString(), DocumentModeTest.ARTICLES.toString());
        assertEquals(2, r[0]);
        assertTrue(((String) r[1]).contains("already exists"), (String) r[1]);
        assertEquals(List.of(), Files.list(out).toList(), "an existing directory is left alone");
    }
}
