package org.parley.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusReadingTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void readsTheCorpusFormat() throws IOException {
        Path p = write("c.tsv", "id\ttext\tlabels\tconflict\tstyle\tspeaker\tnote\n"
                + "a1\tThe envoy urged a truce.\tCEASEFIRE_CALL\tx\tnews\tun-envoy\t\n"
                + "a2\tTalks collapsed.\t\tx\tnews\tnarrator\thard-negative\n");
        Corpus c = Corpus.read(p);
        assertEquals(2, c.size());
        assertEquals(Set.of("CEASEFIRE_CALL"), c.sentences().get(0).labels());
        assertEquals(Set.of(), c.sentences().get(1).labels());
        assertEquals("hard-negative", c.sentences().get(1).note());
        assertEquals(List.of("CEASEFIRE_CALL"), c.labelSet().names());
    }

    @Test
    void goldFilesNeedOnlyTextAndLabels() throws IOException {
        Path p = write("g.tsv", "labels\ttext\nCONDEMNATION,HUMANITARIAN_CONCERN\tNothing excuses this.\n");
        LabeledSentence s = Corpus.read(p, LabelSet.standard()).sentences().get(0);
        assertEquals(Set.of("CONDEMNATION", "HUMANITARIAN_CONCERN"), s.labels());
        assertEquals("Nothing excuses this.", s.text());
    }

    @Test
    void errorsNameFileAndLine() throws IOException {
        Path missingColumn = write("m.tsv", "id\ttext\nx\ty\n");
        assertTrue(assertThrows(CorpusFormatException.class, () -> Corpus.read(missingColumn)).getMessage()
                .contains("m.tsv:1: the header has no 'labels' column"));
        Path wrongCount = write("w.tsv", "text\tlabels\nok\t\nbad\tCONDEMNATION\textra\n");
        assertTrue(assertThrows(CorpusFormatException.class, () -> Corpus.read(wrongCount)).getMessage().contains("w.tsv:3:"));
        Path unknown = write("u.tsv", "text\tlabels\nhello\tNOT_A_LABEL\n");
        assertTrue(assertThrows(CorpusFormatException.class, () -> Corpus.read(unknown, LabelSet.standard())).getMessage()
                .contains("u.tsv:2: unknown label 'NOT_A_LABEL'"));
        Path empty = write("e.tsv", "");
        assertTrue(assertThrows(CorpusFormatException.class, () -> Corpus.read(empty)).getMessage().contains("empty"));
    }

    @Test
    void invalidUtf8IsAnErrorWithTheLine() throws IOException {
        Path p = dir.resolve("bad.tsv");
        byte[] head = "text\tlabels\nfine\t\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, '\t', '\n'};
        byte[] all = new byte[head.length + bad.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        Files.write(p, all);
        assertTrue(assertThrows(CorpusFormatException.class, () -> Corpus.read(p)).getMessage().contains("not valid UTF-8"));
    }

    @Test
    void missingFileIsAnIoError() {
        assertThrows(java.io.UncheckedIOException.class, () -> Corpus.read(dir.resolve("nope.tsv")));
    }

    @Test
    void crossConflictSplitKeepsConflictsApart() throws IOException {
        Path c = write("c.tsv", "id\ttext\tlabels\tconflict\n1\ta b c d\t\tx\n2\ta b c e\t\ty\n3\ta b c f\t\tz\n");
        Path s = write("splits.tsv", "conflict\tsplit\nx\ttrain\ny\tdev\nz\ttest\n");
        CorpusSplit split = CorpusSplit.byConflict(Corpus.read(c), s);
        assertEquals(List.of("1"), split.train().sentences().stream().map(LabeledSentence::id).toList());
        assertEquals(List.of("2"), split.dev().sentences().stream().map(LabeledSentence::id).toList());
        assertEquals(List.of("3"), split.test().sentences().stream().map(LabeledSentence::id).toList());
        Path partial = write("partial.tsv", "conflict\tsplit\nx\ttrain\n");
        assertThrows(CorpusFormatException.class, () -> CorpusSplit.byConflict(Corpus.read(c), partial));
    }

    @Test
    void checksumIdentifiesTheData() {
        Corpus a = TestCorpus.make(20, 1);
        assertEquals(a.sha256(), TestCorpus.make(20, 1).sha256());
        assertTrue(!a.sha256().equals(TestCorpus.make(20, 2).sha256()));
    }
}
