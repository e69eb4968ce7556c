package org.parley.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.parley.core.features.FeatureSettings;
import org.parley.core.features.HashedFeaturizer;
import org.parley.core.text.TextNormalizer;
import org.parley.core.text.Tokenizer;

class TextProcessingTest {

    @Test
    void normalisesWhitespaceControlsAndCompatibilityForms() {
        assertEquals("a b c", TextNormalizer.normalize("  a\t\u0000b\u200B\n c \r\n"));
        assertEquals("cease-fire", TextNormalizer.normalize("ｃｅａｓｅ-fire"));
        assertEquals("", TextNormalizer.normalize(" \t\n "));
    }

    @Test
    void dropsLoneSurrogatesKeepsPairs() {
        assertEquals("a b", TextNormalizer.normalize("a\uD800b"));
        assertEquals("a b", TextNormalizer.normalize("a\uDC00b"));
        assertEquals("peace \uD83D\uDD4A", TextNormalizer.normalize("peace \uD83D\uDD4A"));
    }

    @Test
    void cutsLongTextWithoutSplittingAPair() {
        String emoji = "\uD83D\uDE00";
        String text = "x" + emoji.repeat(TextNormalizer.MAX_CHARS);
        String n = TextNormalizer.normalize(text);
        assertTrue(n.length() <= TextNormalizer.MAX_CHARS);
        assertTrue(!Character.isHighSurrogate(n.charAt(n.length() - 1)));
        assertEquals(TextNormalizer.MAX_CHARS, TextNormalizer.normalize("y".repeat(5_000_000)).length());
    }

    @Test
    void tokenisesNewsText() {
        assertEquals(List.of("the", "u.s", "and", "kyiv's", "cease-fire", "talks", "?"),
                Tokenizer.tokenize("The U.S. and Kyiv’s cease-fire talks?"));
        assertEquals(List.of("3.32", "million", "refugees"), Tokenizer.tokenize("3.32 million refugees"));
        assertEquals(List.of("مرحبا", "بالعالم"), Tokenizer.tokenize("مرحبا بالعالم"));
        assertEquals(List.of("!", "!"), Tokenizer.tokenize("... --- !!"));
    }

    @Test
    void boundsTokensAndTokenLength() {
        assertEquals(Tokenizer.MAX_TOKENS, Tokenizer.tokenize("word ".repeat(10_000)).size());
        assertEquals(Tokenizer.MAX_TOKEN_CHARS, Tokenizer.tokenize("a".repeat(1000)).get(0).length());
    }

    @Test
    void featuresAreStableAndInRange() {
        HashedFeaturizer f = new HashedFeaturizer(new FeatureSettings(1000, 2, 3, 5));
        int[] a = f.features("The envoy urged an immediate truce.");
        assertArrayEquals(a, f.features("The envoy urged an immediate truce."));
        for (int id : a) {
            assertTrue(id >= 0 && id < 1000);
        }
        assertEquals(0, f.features("   ").length);
        // unigrams + bigrams + character n-grams
        HashedFeaturizer words = new HashedFeaturizer(new FeatureSettings(1000, 1, 0, 0));
        assertEquals(6, words.features("The envoy urged an immediate truce.").length);
        HashedFeaturizer bigrams = new HashedFeaturizer(new FeatureSettings(1000, 2, 0, 0));
        assertEquals(11, bigrams.features("The envoy urged an immediate truce.").length);
        assertTrue(a.length > 11);
    }

    @Test
    void caseAndCompatibilityFormsGiveTheSameFeatures() {
        HashedFeaturizer f = new HashedFeaturizer(FeatureSettings.DEFAULT);
        assertArrayEquals(f.features("CEASEFIRE NOW"), f.features("ceasefire now"));
    }
}
