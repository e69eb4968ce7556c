package org.parley.core.text;

import java.text.Normalizer;

/**
 * Cleans raw text before tokenisation: Unicode NFKC, control and format characters and lone
 * surrogates become spaces, runs of white space collapse to one space, and the text is cut to
 * {@link #MAX_CHARS} characters (never inside a surrogate pair). Thread-safe (stateless).
 */
public final class TextNormalizer {

    /** Longest text read, in UTF-16 chars; the rest of a longer input is ignored. */
    public static final int MAX_CHARS = 10_000;

    private TextNormalizer() {
    }

    /** Normalises {@code text}; never returns null. */
    public static String normalize(String text) {
        String cut = cut(text, MAX_CHARS * 2);
        String nfkc = isAscii(cut) ? cut : Normalizer.normalize(cut, Normalizer.Form.NFKC); // NFKC leaves ASCII as it is
        StringBuilder sb = new StringBuilder(Math.min(nfkc.length(), MAX_CHARS));
        boolean space = true;
        for (int i = 0; i < nfkc.length() && sb.length() < MAX_CHARS; i++) {
            char c = nfkc.charAt(i);
            boolean keep;
            if (Character.isHighSurrogate(c)) {
                keep = i + 1 < nfkc.length() && Character.isLowSurrogate(nfkc.charAt(i + 1));
                if (keep) {
                    if (sb.length() + 2 > MAX_CHARS) {
                        break;
                    }
                    sb.append(c).append(nfkc.charAt(++i));
                    space = false;
                    continue;
                }
            } else if (Character.isLowSurrogate(c)) {
                keep = false;
            } else {
                int type = Character.getType(c);
                keep = !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                        && type != Character.CONTROL && type != Character.FORMAT
                        && type != Character.UNASSIGNED && type != Character.PRIVATE_USE;
            }
            if (keep) {
                sb.append(c);
                space = false;
            } else if (!space) {
                sb.append(' ');
                space = true;
            }
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == ' ') {
            end--;
        }
        return sb.substring(0, end);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }
}
