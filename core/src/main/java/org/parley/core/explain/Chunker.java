package org.parley.core.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.parley.core.text.MappedTokens;

/**
 * Splits a sentence's tokens into short phrases of 1 to {@link #MAX_PHRASE} tokens, a light base-phrase
 * chunker: a phrase ends at punctuation between two words, at {@code MAX_PHRASE} tokens, and before a
 * function word (article, preposition, pronoun, conjunction, auxiliary) once it holds a content word.
 * "We strongly condemn | the shelling | of the hospital". Text in other languages, having no function
 * words in the list, falls into phrases of up to four words. Thread-safe (stateless).
 */
public final class Chunker {

    /** Longest phrase, in tokens. */
    public static final int MAX_PHRASE = 4;

    private static final Set<String> FUNCTION = Set.of("a", "an", "the", "this", "that", "these", "those", "its", "their",
            "his", "her", "our", "my", "your", "of", "to", "in", "on", "at", "for", "with", "by", "from", "into", "over",
            "under", "about", "after", "before", "between", "during", "against", "through", "and", "or", "but", "nor",
            "as", "than", "if", "while", "because", "which", "who", "whom", "whose", "where", "when", "we", "they", "he",
            "she", "it", "i", "you", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will",
            "would", "shall", "should", "can", "could", "may", "might", "must", "do", "does", "did", "there", "said", "says");

    private Chunker() {
    }

    /** Phrases of the first {@code n} tokens, as {@code [first, last)} token ranges in order. */
    public static List<int[]> chunks(MappedTokens mt, int n) {
        List<int[]> out = new ArrayList<>();
        int first = 0;
        boolean content = false;
        for (int i = 0; i < n; i++) {
            if (i > first) {
                boolean punct = mt.end()[i - 1] < mt.start()[i] && !mt.raw().substring(mt.end()[i - 1], mt.start()[i]).isBlank();
                boolean function = FUNCTION.contains(mt.tokens().get(i));
                if (punct || i - first == MAX_PHRASE || (function && content)) {
                    out.add(new int[] {first, i});
                    first = i;
                    content = false;
                }
            }
            String tok = mt.tokens().get(i);
            content |= !FUNCTION.contains(tok) && Character.isLetterOrDigit(tok.codePointAt(0));
        }
        if (first < n) {
            out.add(new int[] {first, n});
        }
        return out;
    }
}
