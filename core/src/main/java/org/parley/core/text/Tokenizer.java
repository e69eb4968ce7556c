package org.parley.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits normalised text into lower-case word tokens: runs of letters and digits, keeping inner
 * apostrophes, hyphens and dots ("don't", "cease-fire", "u.s"), plus {@code ?} and {@code !} as
 * tokens of their own. At most {@link #MAX_TOKENS} tokens are returned; longer texts are cut.
 * Tokens longer than {@link #MAX_TOKEN_CHARS} are cut to that length. Thread-safe (stateless).
 */
public final class Tokenizer {

    public static final int MAX_TOKENS = 400;
    public static final int MAX_TOKEN_CHARS = 40;

    private Tokenizer() {
    }

    public static List<String> tokenize(String normalized) {
        return tokenize(normalized, null, null);
    }

    /**
     * The tokens of {@code normalized} (as {@link #tokenize(String)}) with their offsets: token {@code i}
     * comes from {@code normalized.substring(starts[i], ends[i])} (the whole word, even when the token
     * is cut to {@link #MAX_TOKEN_CHARS}).
     */
    public static List<String> tokenize(String normalized, int[] starts, int[] ends) {
        List<String> out = new ArrayList<>();
        int n = normalized.length();
        int i = 0;
        while (i < n && out.size() < MAX_TOKENS) {
            int cp = normalized.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                int start = i;
                int end = i;
                while (end < n) {
                    int c = normalized.codePointAt(end);
                    if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                            || Character.getType(c) == Character.COMBINING_SPACING_MARK) {
                        end += Character.charCount(c);
                    } else if (isJoiner(c) && end + 1 < n && Character.isLetterOrDigit(normalized.codePointAt(end + 1))) {
                        end += 1;
                    } else {
                        break;
                    }
                }
                String tok = normalized.substring(start, end).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
                if (tok.length() > MAX_TOKEN_CHARS) {
                    int cutAt = Character.isHighSurrogate(tok.charAt(MAX_TOKEN_CHARS - 1)) ? MAX_TOKEN_CHARS - 1 : MAX_TOKEN_CHARS;
                    tok = tok.substring(0, cutAt);
                }
                if (starts != null) {
                    starts[out.size()] = start;
                    ends[out.size()] = end;
                }
                out.add(tok);
                i = end;
            } else {
                if (cp == '?' || cp == '!') {
                    if (starts != null) {
                        starts[out.size()] = i;
                        ends[out.size()] = i + 1;
                    }
                    out.add(cp == '?' ? "?" : "!");
                }
                i += Character.charCount(cp);
            }
        }
        return out;
    }

    private static boolean isJoiner(int c) {
        return c == '\'' || c == '\u2019' || c == '-' || c == '.' || c == '&';
    }
}
