package org.parley.core.text;

import java.util.List;

/**
 * The tokens a model reads from a raw input, each with the character range of the raw input it came
 * from, although the models read normalised text ({@link TextNormalizer}): NFKC, removed control
 * characters and collapsed white space are undone through the normaliser's char map. The tokens are
 * exactly {@code Tokenizer.tokenize(TextNormalizer.normalize(raw))}, so text beyond the read limits has
 * no tokens. Immutable by convention (the arrays are not copied); thread-safe to share.
 *
 * @param raw    the input as given
 * @param tokens the tokens, as the featuriser sees them
 * @param start  {@code start[i]}: where token {@code i} starts in {@code raw} (inclusive)
 * @param end    {@code end[i]}: where token {@code i} ends in {@code raw} (exclusive)
 */
public record MappedTokens(String raw, List<String> tokens, int[] start, int[] end) {

    /** Tokenises {@code raw} and maps each token back to it. */
    public static MappedTokens of(String raw) {
        TextNormalizer.Mapped m = TextNormalizer.normalizeMapped(raw);
        int cap = Math.min(Tokenizer.MAX_TOKENS, m.text().length());
        int[] ns = new int[cap];
        int[] ne = new int[cap];
        List<String> tokens = Tokenizer.tokenize(m.text(), ns, ne);
        int[] start = new int[tokens.size()];
        int[] end = new int[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            start[i] = m.start()[ns[i]];
            end[i] = m.end()[ne[i] - 1];
        }
        return new MappedTokens(raw, List.copyOf(tokens), start, end);
    }

    public int size() {
        return tokens.size();
    }

    /** The raw text of tokens {@code [first, last)}, from the start of the first to the end of the last. */
    public String text(int first, int last) {
        return raw.substring(start[first], end[last - 1]);
    }
}
