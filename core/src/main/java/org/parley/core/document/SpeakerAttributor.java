package org.parley.core.document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds who says each sentence when the text says it, as the span of text naming them. Rules, in
 * order: a transcript label ("LEVCHENKO: ..."); "according to X"; a quote followed by an inverted
 * attribution ('," said Foreign Minister Ana Ruiz'); a subject before a speech or statement verb
 * ("Kalin told reporters", "In a statement, the African Union said", "The ministry condemned").
 * Pronoun speakers ("he said") resolve to the most recently named speaker; every sentence of a
 * quotation shares the speaker the quotation is attributed to, also across paragraphs when a quoted
 * paragraph continues the quote. Sentences with none of these get no speaker.
 *
 * <p>Stateless and thread-safe.
 */
public final class SpeakerAttributor {

    private static final String SPEECH = "said|says|say|told|tells|added|adds|asked|asks|stated|states|noted|notes|wrote|writes|"
            + "replied|replies|explained|explains|insisted|insists|warned|warns|argued|argues|stressed|stresses|"
            + "emphasised|emphasized|emphasises|emphasizes|declared|declares|announced|announces|acknowledged|acknowledges|"
            + "confirmed|confirms|tweeted|posted|recalled|recalls|observed|remarked|conceded|concedes|cautioned|"
            + "responded|suggested|suggests|predicted|maintained|maintains|contended|claimed|claims|admitted|admits|"
            + "estimated|estimates|reported|reports|questioned|questions|criticised|criticized|criticises|criticizes|described|describes|"
            + "dismissed|dismisses|complained|complains|recognises|recognizes|recognised|recognized|affirms|affirmed|announced";
    private static final String STATEMENT = "condemns|condemned|welcomes|welcomed|urges|urged|calls on|called on|calls for|called for|"
            + "reaffirms|reaffirmed|expresses|expressed|reiterates|reiterated|rejects|rejected|appeals|appealed|demands|demanded|"
            + "denounces|denounced|deplores|deplored|accuses|accused|pledges|pledged|vows|vowed|promised|promises|"
            + "praised|praises|hailed|hails|regrets|regretted|reminds|reminded|wishes to|renews|renewed|"
            + "is following with|notes with|takes note|took note|commends|commended|thanks|thanked";
    private static final Pattern SUBJECT_VERB = Pattern.compile("\\b(?:" + SPEECH + "|" + STATEMENT + ")\\b");
    private static final Pattern INVERTED = Pattern.compile("(?:[,?!…]?[\"”’])\\s+(?:" + SPEECH + ")\\s+(?!that\\b)([^,;:!?\"”(]+)");
    private static final Pattern ACCORDING = Pattern.compile("\\b[Aa]ccording to\\s+([^,;:!?\"”(]+)");
    private static final Pattern INTRO = Pattern.compile(",\\s*([^,]+):\\s*$");
    private static final Pattern LIST_GAP = Pattern.compile("\\n[ \\t]*(?:[-*•‣◦▪–—]|\\(?\\d{1,2}[.)]|\\(?[a-z][.)])[ \\t]+$");
    private static final Set<String> TRAILING = Set.of("also", "further", "firmly", "strongly", "again", "categorically",
            "repeatedly", "once", "publicly", "formally", "swiftly", "sharply", "then", "later", "earlier", "separately",
            "likewise", "too", "meanwhile", "still", "reportedly", "today", "yesterday", "immediately");
    private static final Set<String> AUXILIARIES = Set.of("has", "have", "had", "was", "were", "is", "are", "been", "being",
            "will", "would", "could", "should", "may", "might", "previously", "consistently");
    private static final Set<String> PREPOSITIONS = Set.of("in", "on", "at", "after", "before", "during", "speaking", "asked",
            "following", "earlier", "later", "for", "with", "from", "by", "under", "since", "as", "when", "while");
    private static final Pattern TRANSCRIPT = Pattern.compile("^([\\p{Lu}][\\p{Lu} .'’-]{1,40}):\\s");
    private static final Set<String> PRONOUNS = Set.of("he", "she", "they", "it", "we", "i", "you");
    private static final Set<String> LEADING = Set.of("but", "and", "however", "meanwhile", "still", "yet", "so", "also",
            "later", "earlier", "separately", "then", "now", "in", "on");
    private static final int MAX_WORDS = 12;
    private static final int MAX_SEARCH = 2_000;

    /** One speaker span per sentence ({@code [start, end)} in the text), or {@code null} where none is named. */
    public int[][] attribute(String text, List<int[]> sentences) {
        int n = sentences.size();
        int[][] explicit = new int[n][];
        boolean[] pronoun = new boolean[n];
        int[] quoteRun = new int[n];
        boolean open = false;
        int run = -1;
        int nextRun = 0;
        int[][] introSpeaker = new int[1][];
        for (int i = 0; i < n; i++) {
            int s = sentences.get(i)[0];
            int e = sentences.get(i)[1];
            boolean paragraphStart = i == 0 || text.substring(sentences.get(i - 1)[1], s).indexOf('\n') >= 0;
            boolean[] quoted = new boolean[e - s];
            boolean startsOpen = open;
            for (int k = s; k < e; k++) {
                char c = text.charAt(k);
                boolean reopen = paragraphStart && k == s && open && (c == '"' || c == '“');
                if (isQuote(c) && !reopen) {
                    open = toggles(c, open);
                }
                quoted[k - s] = open || isQuote(c);
            }
            boolean hasQuote = startsOpen || hasQuote(text, s, e);
            if (hasQuote) {
                if (!startsOpen || run < 0) {
                    run = nextRun++;
                }
                quoteRun[i] = run;
            } else {
                quoteRun[i] = -1;
                run = -1;
            }
            if (!open && hasQuote) {
                run = -1; // the quotation ends in this sentence
            }
            char last = text.charAt(e - 1);
            boolean headline = paragraphStart && ".!?\"”’')…:;".indexOf(last) < 0;
            int[] found = headline ? null : find(text, s, e, quoted, paragraphStart);
            if (found == null && i > 0 && listItem(text, sentences.get(i - 1)[1], s) && introSpeaker[0] != null) {
                found = introSpeaker[0];
            }
            if (last == ':') {
                if (found == null) {
                    found = introduced(text, s, e);
                }
                introSpeaker[0] = found;
            } else if (!listItem(text, i > 0 ? sentences.get(i - 1)[1] : 0, s)) {
                introSpeaker[0] = null;
            }
            if (found != null) {
                String name = text.substring(found[0], found[1]).toLowerCase(Locale.ROOT);
                pronoun[i] = PRONOUNS.contains(name);
                explicit[i] = found;
            }
        }
        int[][] out = new int[n][];
        int[] lastNamed = null;
        for (int i = 0; i < n; i++) {
            int[] sp = explicit[i];
            if (sp == null && quoteRun[i] >= 0) {
                sp = speakerOfRun(explicit, quoteRun, i);
                if (sp == null) {
                    int first = i;
                    while (first > 0 && quoteRun[first - 1] == quoteRun[i]) {
                        first--;
                    }
                    if (first > 0 && quoteRun[first - 1] >= 0) {
                        sp = out[first - 1]; // a quoted paragraph right after another continues its speaker
                    }
                }
                if (sp != null && isPronounSpan(text, sp)) {
                    sp = lastNamed;
                }
            } else if (sp != null && pronoun[i]) {
                sp = lastNamed;
            }
            if (explicit[i] != null && !pronoun[i]) {
                lastNamed = explicit[i];
            }
            out[i] = sp;
        }
        return out;
    }

    /** Whether the sentence starting at {@code start} is a bullet item (its marker sits in the gap before it). */
    private static boolean listItem(String text, int prevEnd, int start) {
        return prevEnd <= start && LIST_GAP.matcher(text.substring(prevEnd, start)).find();
    }

    /** "In this regard, the Chairperson:" introduces a list spoken by the Chairperson. */
    private static int[] introduced(String text, int s, int e) {
        Matcher m = INTRO.matcher(text.substring(s, e));
        if (m.find() && startsName(m.group(1)) && m.group(1).strip().split("\\s+").length <= 6) {
            return trim(text, s + m.start(1), s + m.end(1));
        }
        return null;
    }

    private static boolean isPronounSpan(String text, int[] sp) {
        return PRONOUNS.contains(text.substring(sp[0], sp[1]).toLowerCase(Locale.ROOT));
    }

    /** The first explicit speaker among the sentences of the same quotation (earlier ones first, then later). */
    private static int[] speakerOfRun(int[][] explicit, int[] runs, int i) {
        for (int j = i - 1; j >= 0 && runs[j] == runs[i]; j--) {
            if (explicit[j] != null) {
                return explicit[j];
            }
        }
        for (int j = i + 1; j < runs.length && runs[j] == runs[i]; j++) {
            if (explicit[j] != null) {
                return explicit[j];
            }
        }
        return null;
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '“' || c == '”';
    }

    private static boolean toggles(char c, boolean open) {
        if (c == '“') {
            return true;
        }
        if (c == '”') {
            return false;
        }
        return !open;
    }

    private static boolean hasQuote(String text, int s, int e) {
        for (int k = s; k < e; k++) {
            if (isQuote(text.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    /** The explicit speaker of one sentence, searching only text outside quotation marks. */
    private static int[] find(String text, int s, int e, boolean[] quoted, boolean paragraphStart) {
        e = Math.min(e, s + MAX_SEARCH); // attributions sit near the quote or the start; this bounds the work
        String sentence = text.substring(s, e);
        char[] masked = sentence.toCharArray();
        for (int k = 0; k < masked.length; k++) {
            if (quoted[k] && !isQuote(masked[k])) {
                masked[k] = ' ';
            }
        }
        String outside = new String(masked);
        Matcher t = TRANSCRIPT.matcher(sentence);
        if (paragraphStart && t.find()) {
            return trim(text, s + t.start(1), s + t.end(1));
        }
        Matcher a = ACCORDING.matcher(outside);
        if (a.find()) {
            return trimPeriod(text, s + a.start(1), s + a.end(1));
        }
        Matcher inv = INVERTED.matcher(outside);
        if (inv.find() && startsName(inv.group(1)) && inv.group(1).strip().split("\\s+").length <= MAX_WORDS) {
            return trimPeriod(text, s + inv.start(1), s + inv.end(1));
        }
        Matcher v = SUBJECT_VERB.matcher(outside);
        for (int tries = 0; tries < 8 && v.find(); tries++) {
            String before = outside.substring(0, v.start()).stripTrailing();
            String after = outside.substring(v.end()).stripLeading();
            if (before.endsWith(",") && v.group().equals("asked") && after.matches("(?s)(?:whether|about|if|why|how|what|to)\\b.*")
                    || before.endsWith(" a") || before.endsWith(" an") || before.endsWith(" the")) {
                continue; // ", asked whether ..." is a participle; "an estimated" an adjective
            }
            int[] subject = subjectBefore(outside, v.start());
            if (subject != null) {
                return trim(text, s + subject[0], s + subject[1]);
            }
        }
        return null;
    }

    /** Like {@link #trim} but also drops a sentence-final period ("said Foreign Minister Ana Ruiz."). */
    private static int[] trimPeriod(String text, int from, int to) {
        int[] t = trim(text, from, to);
        if (t != null && text.charAt(t[1] - 1) == '.') {
            String word = text.substring(text.lastIndexOf(' ', t[1] - 1) + 1, t[1]);
            if (!(word.length() <= 4 && word.chars().filter(c -> c == '.').count() >= 2) && !word.matches("\\p{Lu}\\.")) {
                t[1]--; // keep "U.S." and initials, drop a full stop
            }
        }
        return t;
    }

    private static boolean startsName(String np) {
        String t = np.strip();
        return !t.isEmpty() && (Character.isUpperCase(t.charAt(0)) || t.startsWith("a ") || t.startsWith("an ")
                || t.startsWith("the ") || t.startsWith("one "));
    }

    /** The noun phrase just before a verb: back to the previous clause boundary, skipping appositives. */
    private static int[] subjectBefore(String s, int verb) {
        int end = verb;
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        // clause boundaries: quote ends, dashes, semicolons, colons, sentence start
        int start = 0;
        for (int k = end - 1; k >= 0; k--) {
            char c = s.charAt(k);
            if (c == '"' || c == '”' || c == ';' || c == ':' || c == '—' || c == '(' || c == ')' || c == '?' || c == '!') {
                start = k + 1;
                break;
            }
        }
        String[] parts = s.substring(start, end).split(",", -1);
        int offset = start;
        int[][] ranges = new int[parts.length][];
        for (int p = 0; p < parts.length; p++) {
            ranges[p] = new int[] {offset, offset + parts[p].length()};
            offset += parts[p].length() + 1;
        }
        for (int p = parts.length - 1; p >= 0; p--) {
            String part = parts[p].strip();
            if (part.isEmpty() || isAppositive(part)) {
                continue;
            }
            if (p == parts.length - 2 && p > 0 && parts[p + 1].isBlank() && part.matches("(?:a|an|the) .*")) {
                String prev = parts[p - 1].strip();
                String firstWord = prev.isEmpty() ? "" : prev.split("\\s+")[0].toLowerCase(Locale.ROOT);
                if (!prev.isEmpty() && Character.isUpperCase(prev.charAt(0)) && !PREPOSITIONS.contains(firstWord)
                        && !LEADING.contains(firstWord) && !prev.contains(" — ")) {
                    continue; // "Dr. Halima Osman, a surgeon, said": the name, not the appositive
                }
            }
            int[] np = clean(s, ranges[p][0], ranges[p][1]);
            if (np != null || p == parts.length - 1 && !part.matches("(?:for its part|in turn|however|for their part|in response).*")) {
                return np;
            }
        }
        return null;
    }

    /** "who arrived on Monday" or "the country's top diplomat" after a name: skip to the name. */
    private static boolean isAppositive(String part) {
        String first = part.split("\\s+")[0].toLowerCase(Locale.ROOT);
        return first.equals("who") || first.equals("which") || first.equals("whose") || first.equals("speaking");
    }

    /** Trims connectors and whitespace, and rejects what cannot be a speaker's name. */
    private static int[] clean(String s, int from, int to) {
        while (from < to && !Character.isLetterOrDigit(s.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(s.charAt(to - 1))) {
            to--;
        }
        String[] words = s.substring(from, to).split("\\s+");
        int skip = 0;
        while (skip < words.length - 1 && LEADING.contains(words[skip].toLowerCase(Locale.ROOT))) {
            from = s.indexOf(words[skip], from) + words[skip].length();
            while (from < to && Character.isWhitespace(s.charAt(from))) {
                from++;
            }
            skip++;
        }
        int count = words.length - skip;
        for (int w = words.length - 1; w > skip && TRAILING.contains(words[w].toLowerCase(Locale.ROOT)); w--) {
            to = s.lastIndexOf(words[w], to);
            while (to > from && Character.isWhitespace(s.charAt(to - 1))) {
                to--;
            }
            count--;
        }
        for (int w = skip; w < words.length; w++) {
            String lw = words[w].toLowerCase(Locale.ROOT);
            if (AUXILIARIES.contains(lw) || w == words.length - 1 && (lw.equals("who") || lw.equals("that") || lw.equals("which"))) {
                return null; // "has previously rejected" describes an act; "a diplomat who asked" is mid-clause
            }
        }
        if (to <= from || count > MAX_WORDS) {
            return null;
        }
        String np = s.substring(from, to);
        if (!startsName(np) && !PRONOUNS.contains(np.toLowerCase(Locale.ROOT))
                && !np.toLowerCase(Locale.ROOT).matches("(officials|diplomats|analysts|witnesses|residents|sources|observers|critics|aides|negotiators|mediators)( .*)?")) {
            return null;
        }
        return new int[] {from, to};
    }

    private static int[] trim(String text, int from, int to) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && (Character.isWhitespace(text.charAt(to - 1)))) {
            to--;
        }
        return to > from ? new int[] {from, to} : null;
    }

    /** For tests and evaluation: the spans as text, empty where none. */
    public static List<String> texts(String text, int[][] spans) {
        List<String> out = new ArrayList<>();
        for (int[] sp : spans) {
            out.add(sp == null ? "" : text.substring(sp[0], sp[1]));
        }
        return out;
    }
}
