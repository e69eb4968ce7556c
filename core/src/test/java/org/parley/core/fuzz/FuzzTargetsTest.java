package org.parley.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.parley.core.CorpusFormatException;
import org.parley.core.LabelSet;
import org.parley.core.LabeledSentence;
import org.parley.core.ModelFormatException;
import org.parley.core.archive.ModelArchive;
import org.parley.core.model.FastTextClassifier;
import org.parley.core.corpus.TsvCorpusReader;
import org.parley.core.document.SentenceSplitter;
import org.parley.core.document.SpeakerAttributor;
import org.parley.core.features.FeatureSettings;
import org.parley.core.features.HashedFeaturizer;
import org.parley.core.text.TextNormalizer;
import org.parley.core.text.Tokenizer;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz targets. In the normal test run each target replays its seed inputs (and any crash files
 * under src/test/resources/.../FuzzTargetsTestInputs); for real fuzzing run
 * {@code JAZZER_FUZZ=1 mvn -pl core test -Dtest=FuzzTargetsTest#normaliseTokeniseFeaturise} (each target fuzzes for up to ten minutes)
 * (see docs/reliability.md).
 */
class FuzzTargetsTest {

    private static final HashedFeaturizer FEATURES = new HashedFeaturizer(new FeatureSettings(4096, 2, 3, 5));

    /** Normalisation, tokenisation and features never throw and keep their bounds. */
    @FuzzTest(maxDuration = "10m")
    void normaliseTokeniseFeaturise(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        String n = TextNormalizer.normalize(text);
        assertTrue(n.length() <= TextNormalizer.MAX_CHARS);
        assertEquals(n, TextNormalizer.normalize(n), "normalisation is idempotent");
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertTrue(i + 1 < n.length() && Character.isLowSurrogate(n.charAt(i + 1)), "lone high surrogate");
                i++;
            } else {
                assertTrue(!Character.isLowSurrogate(c), "lone low surrogate");
                assertTrue(!Character.isISOControl(c), "control character survived");
            }
        }
        var tokens = Tokenizer.tokenize(n);
        assertTrue(tokens.size() <= Tokenizer.MAX_TOKENS);
        for (int id : FEATURES.featuresOfTokens(tokens)) {
            assertTrue(id >= 0 && id < 4096);
        }
    }

    private static final SentenceSplitter SPLITTER = new SentenceSplitter();
    private static final SpeakerAttributor ATTRIBUTOR = new SpeakerAttributor();

    /** Sentence splitting and attribution never throw; spans are ordered, trimmed, inside the text and non-overlapping. */
    @FuzzTest(maxDuration = "10m")
    void splitAndAttribute(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        List<int[]> spans = SPLITTER.split(text);
        int last = 0;
        for (int[] s : spans) {
            assertTrue(s[0] >= last && s[0] < s[1] && s[1] <= text.length(), "bad span");
            assertTrue(!Character.isWhitespace(text.charAt(s[0])) && !Character.isWhitespace(text.charAt(s[1] - 1)), "untrimmed span");
            last = s[1];
        }
        int[][] speakers = ATTRIBUTOR.attribute(text, spans);
        assertEquals(spans.size(), speakers.length);
        for (int[] sp : speakers) {
            assertTrue(sp == null || (sp[0] >= 0 && sp[0] < sp[1] && sp[1] <= text.length()), "bad speaker span");
        }
    }

    /** The TSV reader either reads or fails with CorpusFormatException naming the source. */
    @FuzzTest(maxDuration = "10m")
    void tsvReader(FuzzedDataProvider data) {
        boolean restrict = data.consumeBoolean();
        byte[] bytes = data.consumeRemainingAsBytes();
        try {
            for (LabeledSentence s : TsvCorpusReader.read(new ByteArrayInputStream(bytes), "fuzz.tsv",
                    restrict ? LabelSet.standard() : null)) {
                if (restrict) {
                    assertTrue(LabelSet.standard().names().containsAll(s.labels()));
                }
            }
        } catch (CorpusFormatException e) {
            assertTrue(e.getMessage().startsWith("fuzz.tsv"), e.getMessage());
        } catch (UncheckedIOException e) {
            // an I/O failure of the in-memory stream cannot happen; let it surface
            throw e;
        }
    }

    /**
     * The archive reader, and building a fast model from what it read, either succeed or fail with
     * ModelFormatException; never another exception. A valid archive seeds the corpus, so mutations
     * reach the manifest and parameter checks.
     */
    @FuzzTest(maxDuration = "10m")
    void archiveReader(FuzzedDataProvider data) {
        byte[] bytes = data.consumeRemainingAsBytes();
        try {
            ModelArchive.Contents c = ModelArchive.read(new ByteArrayInputStream(bytes), "fuzz.zip");
            if (FastTextClassifier.KIND.equals(org.parley.core.archive.ManifestFields.stringOrNull(c.manifest().get("kind")))) {
                try (FastTextClassifier clf = FastTextClassifier.fromArchive(c)) {
                    assertEquals(clf.labels().size(), clf.classify("The envoy urged a truce.").scores().size());
                }
            }
        } catch (ModelFormatException e) {
            assertTrue(e.getMessage().startsWith("fuzz.zip"), e.getMessage());
        }
    }
}
