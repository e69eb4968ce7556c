package org.parley.core.text;

import java.text.Normalizer;

import com.ibm.icu.text.Normalizer2;

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
        return filter(nfkc, null);
    }

    /**
     * Normalises {@code text} like {@link #normalize} and says where each char of the result came from
     * in {@code text} (see {@link Mapped}).
     */
    public static Mapped normalizeMapped(String text) {
        String cut = cut(text, MAX_CHARS * 2);
        int[] segStart;
        int[] segEnd;
        String nfkc;
        if (isAscii(cut)) {
            nfkc = cut;
            segStart = new int[cut.length()];
            segEnd = new int[cut.length()];
            for (int i = 0; i < cut.length(); i++) {
                segStart[i] = i;
                segEnd[i] = i + 1;
            }
        } else {
            // NFKC may be applied piecewise between normalisation boundaries with the same result, so
            // each piece's output chars come from that piece of the input
            StringBuilder out = new StringBuilder(cut.length());
            IntBuffer starts = new IntBuffer(cut.length());
            IntBuffer ends = new IntBuffer(cut.length());
            Normalizer2 icu = Normalizer2.getNFKCInstance();
            int seg = 0;
            for (int i = 0; i <= cut.length(); ) {
                int cp = i < cut.length() ? cut.codePointAt(i) : -1;
                if (i == cut.length() || (i > seg && icu.hasBoundaryBefore(cp))) {
                    String piece = Normalizer.normalize(cut.substring(seg, i), Normalizer.Form.NFKC);
                    out.append(piece);
                    for (int k = 0; k < piece.length(); k++) {
                        starts.add(seg);
                        ends.add(i);
                    }
                    seg = i;
                }
                i += cp < 0 ? 1 : Character.charCount(cp);
            }
            nfkc = Normalizer.normalize(cut, Normalizer.Form.NFKC);
            segStart = starts.toArray();
            segEnd = ends.toArray();
            if (!nfkc.contentEquals(out)) {
                // the two Unicode tables disagree on a boundary: map proportionally (approximate, never out of range)
                segStart = new int[nfkc.length()];
                segEnd = new int[nfkc.length()];
                for (int k = 0; k < nfkc.length(); k++) {
                    segStart[k] = (int) ((long) k * cut.length() / nfkc.length());
                    segEnd[k] = Math.max(segStart[k] + 1, (int) ((long) (k + 1) * cut.length() / nfkc.length()));
                }
            }
        }
        int[] from = new int[Math.min(nfkc.length(), MAX_CHARS)];
        String normalized = filter(nfkc, from);
        int[] start = new int[normalized.length()];
        int[] end = new int[normalized.length()];
        for (int k = 0; k < normalized.length(); k++) {
            start[k] = segStart[from[k]];
            end[k] = segEnd[from[k]];
        }
        return new Mapped(normalized, start, end);
    }

    /**
     * Normalised text and its origin: char {@code k} of {@code text} comes from chars
     * {@code [start[k], end[k])} of the raw input. Both arrays are non-decreasing; several normalised
     * chars may share one origin (NFKC maps one input char to several, and a collapsed space comes from
     * the first char of its run).
     */
    public record Mapped(String text, int[] start, int[] end) {
    }

    /** The control, space and length rules; {@code from}, if given, receives each output char's index in {@code nfkc}. */
    private static String filter(String nfkc, int[] from) {
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
                    if (from != null) {
                        from[sb.length()] = i;
                        from[sb.length() + 1] = i + 1;
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
                if (from != null) {
                    from[sb.length()] = i;
                }
                sb.append(c);
                space = false;
            } else if (!space) {
                if (from != null) {
                    from[sb.length()] = i;
                }
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
