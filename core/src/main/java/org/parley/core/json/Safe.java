package org.parley.core.json;

/** Renders untrusted text for error messages: capped in length, control and bidi characters replaced. */
public final class Safe {

    private Safe() {
    }

    /**
     * At most {@code max} characters of {@code s} (then "…"), with control characters, escape
     * sequences and bidirectional overrides replaced by {@code ?}, so a message can neither flood nor
     * drive a terminal.
     */
    public static String cap(String s, int max) {
        if (s == null) {
            return "null";
        }
        String t = s.length() > max ? s.substring(0, max) + "…" : s;
        StringBuilder sb = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean unsafe = Character.isISOControl(c) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                    || c == 0x200E || c == 0x200F || c == 0x061C;
            sb.append(unsafe ? '?' : c);
        }
        return sb.toString();
    }
}
