package org.parley.core.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.FilteredBreakIteratorBuilder;
import com.ibm.icu.util.ULocale;

/**
 * Splits news text into sentences and returns their offsets. Layout first: blank lines, bullet items
 * and headline-like lines end a sentence, and bullet markers are left out of the sentence. Inside a
 * block, ICU4J's sentence BreakIterator with CLDR's English abbreviation suppressions (plus news
 * abbreviations: titles, months, "approx.") finds the boundaries; three repairs follow: a split after
 * an initial ("J. R. Mendez") is undone, a fragment that starts in lower case ("?" he asked) joins the
 * sentence before it, and an abbreviation that can end a sentence ("U.S.", "a.m.", "Inc.") does end
 * one when the next word is a typical sentence opener ("... in the U.S. The next round").
 *
 * <p>Thread-safe: each call works on its own clone of the prototype iterator.
 */
public final class SentenceSplitter {

    /** Abbreviations that never end a sentence in news text (titles, months, "No."...), suppressed in ICU. */
    private static final List<String> NEVER_FINAL = List.of(
            "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Gen.", "Lt.", "Col.", "Maj.", "Capt.", "Cmdr.", "Adm.", "Sgt.", "Cpl.",
            "Sen.", "Rep.", "Gov.", "Amb.", "Pres.", "Insp.", "Supt.", "Rev.", "Hon.", "H.E.", "St.", "Mt.", "Ft.",
            "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
            "Nos.", "approx.", "Approx.", "e.g.", "i.e.", "vs.", "cf.", "para.", "art.", "Art.", "tel.", "Tel.",
            "a.i.", "rtd.", "ret.", "Vol.", "pp.", "p.", "Fig.", "est.");

    /** Abbreviations that often end a sentence too; suppressed in ICU, then split again before an opener. */
    private static final List<String> MAYBE_FINAL = List.of(
            "U.S.", "U.N.", "U.K.", "E.U.", "D.C.", "U.S.A.", "a.m.", "p.m.", "Inc.", "Co.", "Corp.", "Ltd.", "Jr.", "Sr.",
            "etc.", "Bros.", "No.");

    /** Words that typically open a sentence and rarely continue a name after an abbreviation. */
    private static final Set<String> OPENERS = Set.of(
            "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "You",
            "His", "Her", "Their", "Our", "My", "There", "Here", "In", "On", "At", "By", "For", "From", "With", "But",
            "And", "Or", "So", "Yet", "If", "When", "While", "After", "Before", "As", "Since", "Although", "Though",
            "Earlier", "Later", "Meanwhile", "However", "Still", "Both", "Neither", "Some", "Many", "Most", "Two",
            "Three", "Four", "Five", "Six", "Ten", "One", "No", "Officials", "What", "Why", "How", "Who", "Asked",
            "According", "Under", "During", "Such", "Each", "Every", "Other", "Another", "Nor", "Then", "Now",
            "Today", "Yesterday", "Tomorrow", "Last", "Next");

    private static final Pattern BULLET = Pattern.compile("^[ \\t]*(?:[-*•‣◦▪–—]|\\(?\\d{1,2}[.)]|\\(?[a-z][.)])[ \\t]+");
    private static final Pattern LINE = Pattern.compile("[^\\r\\n]+");
    private static final Pattern INITIAL = Pattern.compile("(?:^|[\\s(])\\p{Lu}\\.$");
    private static final int TAIL = 80;
    private static final Pattern QUESTION_QUOTE = Pattern.compile("[?!][\"”']$");
    private static final Pattern ATTRIBUTION_AHEAD = Pattern.compile(
            "^(?:[\\p{Lu}][\\p{L}.'’-]*\\s+){1,6}(?:said|says|asked|asks|added|adds|told|wrote|writes|replied|insisted|warned|noted|stressed)\\b");

    private final BreakIterator prototype;

    public SentenceSplitter() {
        FilteredBreakIteratorBuilder b = FilteredBreakIteratorBuilder.getInstance(ULocale.ENGLISH);
        for (String a : NEVER_FINAL) {
            b.suppressBreakAfter(a);
        }
        for (String a : MAYBE_FINAL) {
            b.suppressBreakAfter(a);
        }
        prototype = b.wrapIteratorWithFilter(BreakIterator.getSentenceInstance(ULocale.ENGLISH));
    }

    /** The sentences of {@code text} as {@code [start, end)} offset pairs, in order, trimmed of whitespace. */
    public List<int[]> split(String text) {
        List<int[]> out = new ArrayList<>();
        BreakIterator it = (BreakIterator) prototype.clone();
        for (int[] block : blocks(text)) {
            splitBlock(text, block[0], block[1], it, out);
        }
        return out;
    }

    /**
     * Blocks that sentences never cross: lines, except that lines of hard-wrapped prose (every line
     * at most 100 characters) join the next line unless they end a sentence, are short like a headline,
     * or the next line is a bullet item or starts a paragraph. Bullet markers are cut off the front.
     */
    private static List<int[]> blocks(String text) {
        List<int[]> lines = new ArrayList<>();
        Matcher m = LINE.matcher(text);
        int longest = 0;
        while (m.find()) {
            if (!text.substring(m.start(), m.end()).isBlank()) {
                lines.add(new int[] {m.start(), m.end()});
                longest = Math.max(longest, m.end() - m.start());
            }
        }
        boolean wrapped = longest > 0 && longest <= 100 && lines.size() > 2;
        List<int[]> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int start = lines.get(i)[0];
            int end = lines.get(i)[1];
            Matcher bullet = BULLET.matcher(text).region(start, end);
            if (bullet.lookingAt()) {
                start = bullet.end();
            }
            if (wrapped && !blocks.isEmpty() && continues(text, blocks.get(blocks.size() - 1), lines.get(i), longest)
                    && start == lines.get(i)[0]) {
                blocks.get(blocks.size() - 1)[1] = end;
            } else {
                blocks.add(new int[] {start, end});
            }
        }
        return blocks;
    }

    /** In wrapped prose, whether {@code line} continues the sentence of {@code previous}. */
    private static boolean continues(String text, int[] previous, int[] line, int longest) {
        String prev = text.substring(previous[0], previous[1]).stripTrailing();
        String gap = text.substring(previous[1], line[0]);
        if (gap.chars().filter(c -> c == '\n').count() > 1) {
            return false; // blank line: new paragraph
        }
        int lastLineStart = Math.max(previous[0], text.lastIndexOf('\n', previous[1] - 1) + 1);
        int lastLineLength = previous[1] - lastLineStart;
        char last = prev.isEmpty() ? '.' : prev.charAt(prev.length() - 1);
        return lastLineLength >= longest * 0.6 && ".!?:".indexOf(last) < 0;
    }

    private void splitBlock(String text, int from, int to, BreakIterator it, List<int[]> out) {
        String block = text.substring(from, to);
        it.setText(block);
        List<int[]> parts = new ArrayList<>();
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            parts.add(new int[] {start, end});
        }
        List<int[]> repaired = new ArrayList<>();
        for (int[] p : parts) {
            if (!repaired.isEmpty() && joinsPrevious(block, repaired.get(repaired.size() - 1), p)) {
                repaired.get(repaired.size() - 1)[1] = p[1];
            } else {
                repaired.add(p);
            }
        }
        for (int[] p : repaired) {
            for (int[] q : splitAfterFinalAbbreviations(block, p[0], p[1])) {
                int s = q[0];
                int e = q[1];
                while (s < e && Character.isWhitespace(block.charAt(s))) {
                    s++;
                }
                while (e > s && Character.isWhitespace(block.charAt(e - 1))) {
                    e--;
                }
                if (e > s) {
                    out.add(new int[] {from + s, from + e});
                }
            }
        }
    }

    /**
     * An initial ("J."), a title or month ("Gen.", "Feb."), a lower-case continuation ("he asked") or a
     * named speaker after a quoted question ("?" Foreign Minister Yusof asked) belongs to the sentence before.
     */
    private static boolean joinsPrevious(String block, int[] prev, int[] next) {
        // only the tail of the previous part matters; looking at all of it would be quadratic in merged parts
        String before = block.substring(Math.max(prev[0], prev[1] - TAIL), prev[1]).stripTrailing();
        String after = block.substring(next[0], Math.min(next[1], next[0] + TAIL)).stripLeading();
        if (INITIAL.matcher(before).find()) {
            return true;
        }
        String w = lastWord(before);
        if (!w.isEmpty()) {
            if (NEVER_FINAL.contains(w)) {
                return true;
            }
            if (MAYBE_FINAL.contains(w) && !opensSentence(after, 0, after.length())
                    && !(w.equals("No.") && !after.isEmpty() && Character.isLetter(after.charAt(0)))) {
                return true;
            }
        }
        if (QUESTION_QUOTE.matcher(before).find() && ATTRIBUTION_AHEAD.matcher(after).find()) {
            return true;
        }
        int i = 0;
        while (i < after.length() && "\"'“‘(".indexOf(after.charAt(i)) >= 0) {
            i++;
        }
        return i == 0 && i < after.length() && Character.isLowerCase(after.charAt(i));
    }

    /** The last whitespace-separated word, without an opening or closing parenthesis. */
    private static String lastWord(String s) {
        int from = s.length();
        while (from > 0 && !Character.isWhitespace(s.charAt(from - 1)) && s.charAt(from - 1) != '(') {
            from--;
        }
        String w = s.substring(from);
        return w.endsWith(")") ? w.substring(0, w.length() - 1) : w;
    }

    /** Splits after a suppressed abbreviation that can end a sentence when an opener follows it (one pass). */
    private static List<int[]> splitAfterFinalAbbreviations(String block, int start, int end) {
        List<int[]> out = new ArrayList<>();
        int s = start;
        for (int k = start; k < end - 1; k++) {
            if (block.charAt(k) != '.' || !Character.isWhitespace(block.charAt(k + 1))) {
                continue;
            }
            for (String abbr : MAYBE_FINAL) {
                int at = k + 1 - abbr.length();
                if (at >= s && block.regionMatches(at, abbr, 0, abbr.length())
                        && (at == 0 || !Character.isLetter(block.charAt(at - 1)))) {
                    boolean opens = abbr.equals("No.") ? nextIsLetter(block, k + 1, end) : opensSentence(block, k + 1, end);
                    if (opens) {
                        out.add(new int[] {s, k + 1});
                        s = k + 1;
                    }
                    break;
                }
            }
        }
        out.add(new int[] {s, end});
        return out;
    }

    private static boolean nextIsLetter(String block, int from, int end) {
        int i = from;
        while (i < end && Character.isWhitespace(block.charAt(i))) {
            i++;
        }
        return i < end && Character.isUpperCase(block.charAt(i));
    }

    private static boolean opensSentence(String block, int from, int end) {
        int i = from;
        while (i < end && Character.isWhitespace(block.charAt(i))) {
            i++;
        }
        if (i < end && "\"“".indexOf(block.charAt(i)) >= 0) {
            return true;
        }
        int j = i;
        while (j < end && j - i < 20 && Character.isLetter(block.charAt(j))) {
            j++;
        }
        return j > i && OPENERS.contains(block.substring(i, j));
    }
}
