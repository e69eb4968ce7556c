package org.parley.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parley.core.explain.Chunker;
import org.parley.core.explain.Occlusion;
import org.parley.core.features.HashedFeaturizer;
import org.parley.core.model.FastTextClassifier;
import org.parley.core.text.MappedTokens;
import org.parley.core.text.TextNormalizer;
import org.parley.core.text.Tokenizer;

/** Explanations: offsets into the original input, the fast model's exact decomposition, occlusion. */
class ExplanationTest {

    private static final FastTextClassifier FAST = TestModels.random(7);

    @Test
    void tokenOffsetsPointAtTheOriginalText() {
        String raw = "  Ukraine\u2019s  \u201Csovereignty\u201D\t\t\u2014 re\u00ADaffirmed \uFB01nal!  caf\u00E9 cafe\u0301 \uD83D\uDE4F x\u00BDy ";
        MappedTokens mt = MappedTokens.of(raw);
        assertEquals(Tokenizer.tokenize(TextNormalizer.normalize(raw)), mt.tokens());
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < mt.size(); i++) {
            texts.add(mt.text(i, i + 1));
        }
        // a soft hyphen is a format char (a word break); NFKC makes "x\u00BDy" "x1\u20442y", two words from one char
        assertEquals(List.of("Ukraine\u2019s", "sovereignty", "re", "affirmed", "\uFB01nal", "!", "caf\u00E9", "cafe\u0301", "x\u00BD",
                "\u00BDy"), texts);
    }

    @Test
    void tokensAreTheFeaturizersOnHostileInput() {
        for (String s : ClassifierContract.hostileInputs()) {
            MappedTokens mt = MappedTokens.of(s);
            assertEquals(Tokenizer.tokenize(TextNormalizer.normalize(s)), mt.tokens());
            for (int i = 0; i < mt.size(); i++) {
                assertTrue(mt.start()[i] < mt.end()[i] && mt.end()[i] <= s.length());
                assertTrue(i == 0 || mt.start()[i] >= mt.start()[i - 1]);
            }
        }
    }

    @Test
    void textBeyondTheReadLimitGetsNoSpan() {
        String head = "We condemn the attack.  ";
        String raw = head + "\u00A0 peace ".repeat(5000) + "TAILWORD";
        Explanation e = FAST.explain(raw);
        int limit = 2 * TextNormalizer.MAX_CHARS;
        for (List<Explanation.Span> spans : e.spans().values()) {
            assertTrue(spans.size() <= Tokenizer.MAX_TOKENS);
            for (Explanation.Span sp : spans) {
                assertTrue(sp.end() <= limit);
                assertEquals(raw.substring(sp.start(), sp.end()), sp.text());
                assertTrue(!sp.text().contains("TAILWORD"));
            }
        }
        assertEquals("condemn", e.spans().values().iterator().next().stream().filter(sp -> sp.start() == 3).findFirst().orElseThrow().text());
    }

    @Test
    void fastSharesSumToThePooledEmbeddingExactly() {
        HashedFeaturizer fz = FAST.featurizer();
        for (String s : List.of("We strongly condemn the shelling of the hospital.", "talks talks talks", "x", "Ceasefire now!",
                "مرحبا بالعالم، وقف إطلاق النار الآن")) {
            MappedTokens mt = MappedTokens.of(s);
            HashedFeaturizer.Covered f = fz.featuresWithCoverage(mt.tokens());
            assertArrayEquals(fz.features(s), f.ids());
            double[][] shares = FAST.kernel().shares(f.ids(), f.first(), f.count(), mt.size());
            double[] pooledFromShares = new double[shares[0].length];
            for (double[] row : shares) {
                for (int d = 0; d < row.length; d++) {
                    pooledFromShares[d] += row[d];
                }
            }
            // the pooled embedding computed directly: the mean of the feature rows
            double[][] allInOne = FAST.kernel().shares(f.ids(), new int[f.ids().length], ones(f.ids().length), 1);
            assertArrayEquals(allInOne[0], pooledFromShares, 1e-9, s);
        }
    }

    @Test
    void fastWeightsSumToTheLogitMinusTheEmptyInputs() {
        HashedFeaturizer fz = FAST.featurizer();
        for (String s : List.of("We strongly condemn the shelling of the hospital.", "The envoy offered to mediate between Baku and Yerevan.")) {
            MappedTokens mt = MappedTokens.of(s);
            HashedFeaturizer.Covered f = fz.featuresWithCoverage(mt.tokens());
            double[][] a = FAST.kernel().attribute(f.ids(), f.first(), f.count(), mt.size());
            int labels = FAST.labels().size();
            double[] probs = FAST.scores(s);
            Explanation e = FAST.explain(s);
            for (int k = 0; k < labels; k++) {
                double sum = 0;
                for (double w : a[k]) {
                    sum += w;
                }
                assertEquals(a[labels][k] - a[labels + 1][k], sum, 1e-9);
                assertEquals(probs[k], 1 / (1 + Math.exp(-a[labels][k])), 1e-5, "the kernel's own logit");
                double spanSum = e.spans().get(FAST.labels().get(k)).stream().mapToDouble(Explanation.Span::weight).sum();
                assertEquals(sum, spanSum, 1e-9);
            }
        }
    }

    @Test
    void chunksAreShortPhrases() {
        MappedTokens mt = MappedTokens.of("We strongly condemn the shelling of the hospital, and call for restraint.");
        List<String> phrases = Chunker.chunks(mt, mt.size()).stream().map(c -> mt.text(c[0], c[1])).toList();
        assertEquals(List.of("We strongly condemn", "the shelling", "of the hospital", "and call", "for restraint"), phrases);
    }

    @Test
    void deletingASpanKeepsTheWordsApart() {
        assertEquals("We condemn the attack.", Occlusion.delete("We strongly condemn the attack.", 3, 11));
        assertEquals("We condemn the", Occlusion.delete("We condemn the attack", 15, 21));
        assertEquals("a\u00A0b", Occlusion.delete("a\u00A0x b", 2, 3));
        assertEquals("a b", Occlusion.delete("a(x)b", 1, 4));
    }

    @Test
    void occlusionFindsTheWordThatCarriesALabel() {
        LabelSet labels = LabelSet.standard();
        int cond = labels.indexOf("CONDEMNATION");
        List<List<String>> calls = new ArrayList<>();
        Occlusion.Scorer scorer = texts -> {
            calls.add(texts);
            double[][] out = new double[texts.size()][labels.size()];
            for (int i = 0; i < texts.size(); i++) {
                String t = texts.get(i).toLowerCase(java.util.Locale.ROOT);
                out[i][cond] = (t.contains("condemn") ? 0.7 : 0.1) + (t.contains("strongly") ? 0.1 : 0) + (t.contains("hospital") ? 0.05 : 0);
            }
            return out;
        };
        double[] th = new double[labels.size()];
        java.util.Arrays.fill(th, 0.5);
        String s = "We strongly condemn the shelling of the hospital.";
        List<Explanation> es = Occlusion.explain(List.of(s, "", "peace"), labels, scorer, (t, sc) -> Prediction.of(t, labels, sc, th));
        assertEquals(2, calls.size(), "one scorer call per round for all sentences");
        Explanation e = es.get(0);
        assertEquals(List.of("CONDEMNATION"), e.prediction().labelNames());
        Explanation.Span top = e.top("CONDEMNATION").orElseThrow();
        assertEquals("condemn", top.text());
        assertEquals(0.6, top.weight(), 1e-9);
        assertEquals(s.indexOf("condemn"), top.start());
        assertTrue(e.spans("CONDEMNATION").stream().anyMatch(sp -> sp.text().equals("strongly") && Math.abs(sp.weight() - 0.1) < 1e-9));
        assertTrue(e.spans("CONDEMNATION").stream().anyMatch(sp -> sp.text().equals("hospital") && Math.abs(sp.weight() - 0.05) < 1e-9));
        assertTrue(e.spans("CONDEMNATION").stream().anyMatch(sp -> sp.text().equals("the shelling") && sp.weight() == 0));
        es.get(1).spans().values().forEach(l -> assertTrue(l.isEmpty()));
        assertThrows(IllegalArgumentException.class, () -> e.spans("NO_SUCH_LABEL"));
    }

    @Test
    void occlusionIsBoundedOnHugeInput() {
        LabelSet labels = LabelSet.standard();
        int[] variants = {0};
        Occlusion.Scorer scorer = texts -> {
            variants[0] += texts.size();
            for (String t : texts) {
                assertTrue(t.length() <= 2 * TextNormalizer.MAX_CHARS || t.length() == 1_000_000);
            }
            return new double[texts.size()][labels.size()];
        };
        double[] th = new double[labels.size()];
        java.util.Arrays.fill(th, 0.5);
        String huge = "word ".repeat(200_000);
        Explanation e = Occlusion.explain(List.of(huge), labels, scorer, (t, sc) -> Prediction.of(t, labels, sc, th)).get(0);
        assertTrue(variants[0] <= 1 + Occlusion.MAX_WORDS + Occlusion.MAX_REFINED_WORDS, "variants " + variants[0]);
        int words = e.spans("CONDEMNATION").stream().mapToInt(sp -> sp.text().split(" ").length).sum();
        assertEquals(Occlusion.MAX_WORDS, words);
    }

    @Test
    void explanationIsImmutableAndValidated() {
        Explanation e = FAST.explain("We condemn the attack.");
        assertThrows(UnsupportedOperationException.class, () -> e.spans().clear());
        assertThrows(UnsupportedOperationException.class, () -> e.spans("CONDEMNATION").clear());
        assertThrows(IllegalArgumentException.class, () -> new Explanation.Span(2, 1, "", 0));
        assertThrows(IllegalArgumentException.class, () -> new Explanation.Span(0, 1, "a", Double.NaN));
        Explanation sorted = new Explanation(e.prediction(), Map.of(Label.CONDEMNATION,
                List.of(new Explanation.Span(0, 1, "a", 0.1), new Explanation.Span(2, 3, "b", -0.5))));
        assertEquals("b", sorted.spans("CONDEMNATION").get(0).text());
        assertEquals("a", sorted.top("CONDEMNATION").orElseThrow().text());
    }

    private static int[] ones(int n) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, 1);
        return a;
    }
}
