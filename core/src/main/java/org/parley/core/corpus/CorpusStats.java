package org.parley.core.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.parley.core.Corpus;
import org.parley.core.LabelSet;
import org.parley.core.LabeledSentence;

/**
 * Counts that describe a corpus: per label, conflict, style and speaker kind, label co-occurrence,
 * the no-label and hard-negative counts and the multi-label share. A sentence is a hard negative
 * when it has no label and its note contains {@code hard-negative}. Immutable.
 */
public record CorpusStats(int sentences, int noLabel, int hardNegatives, int multiLabel, Map<String, Integer> perLabel,
                          Map<String, Integer> perConflict, Map<String, Integer> perStyle, Map<String, Integer> perSpeaker,
                          int[][] cooccurrence, LabelSet labels, int minWords, int medianWords, int maxWords) {

    public static CorpusStats of(Corpus corpus) {
        LabelSet labels = corpus.labelSet();
        Map<String, Integer> perLabel = new TreeMap<>();
        Map<String, Integer> perConflict = new TreeMap<>();
        Map<String, Integer> perStyle = new TreeMap<>();
        Map<String, Integer> perSpeaker = new TreeMap<>();
        int[][] co = new int[labels.size()][labels.size()];
        int none = 0;
        int hard = 0;
        int multi = 0;
        List<Integer> words = new ArrayList<>();
        for (LabeledSentence s : corpus.sentences()) {
            words.add(s.text().trim().isEmpty() ? 0 : s.text().trim().split("\\s+").length);
            perConflict.merge(s.conflict(), 1, Integer::sum);
            perStyle.merge(s.style(), 1, Integer::sum);
            perSpeaker.merge(s.speaker(), 1, Integer::sum);
            if (s.labels().isEmpty()) {
                none++;
                if (s.note().contains("hard-negative")) {
                    hard++;
                }
            }
            if (s.labels().size() >= 2) {
                multi++;
            }
            for (String a : s.labels()) {
                perLabel.merge(a, 1, Integer::sum);
                for (String b : s.labels()) {
                    co[labels.indexOf(a)][labels.indexOf(b)]++;
                }
            }
        }
        Collections.sort(words);
        return new CorpusStats(corpus.size(), none, hard, multi, perLabel, perConflict, perStyle, perSpeaker, co, labels,
                words.isEmpty() ? 0 : words.get(0), words.isEmpty() ? 0 : words.get(words.size() / 2),
                words.isEmpty() ? 0 : words.get(words.size() - 1));
    }

    /** Share of labelled sentences that carry two or more labels. */
    public double multiLabelShare() {
        int labelled = sentences - noLabel;
        return labelled == 0 ? 0 : (double) multiLabel / labelled;
    }

    /** A report for people. */
    public String toReport() {
        StringBuilder sb = new StringBuilder();
        int labelled = sentences - noLabel;
        sb.append(String.format(Locale.ROOT, "sentences          %6d%n", sentences));
        sb.append(String.format(Locale.ROOT, "no label           %6d  (%.1f%%)%n", noLabel, 100.0 * noLabel / Math.max(1, sentences)));
        sb.append(String.format(Locale.ROOT, "  hard negatives   %6d%n", hardNegatives));
        sb.append(String.format(Locale.ROOT, "two or more labels %6d  (%.1f%% of %d labelled)%n", multiLabel, 100 * multiLabelShare(), labelled));
        sb.append(String.format(Locale.ROOT, "words per sentence min %d, median %d, max %d%n", minWords, medianWords, maxWords));
        sb.append(String.format(Locale.ROOT, "%nper label%n"));
        for (String l : labels.names()) {
            sb.append(String.format(Locale.ROOT, "  %-24s %6d%n", l, perLabel.getOrDefault(l, 0)));
        }
        section(sb, "per conflict", perConflict);
        section(sb, "per style", perStyle);
        sb.append(String.format(Locale.ROOT, "%nspeaker kinds: %d%n", perSpeaker.size()));
        for (Map.Entry<String, Integer> e : perSpeaker.entrySet()) {
            sb.append(String.format(Locale.ROOT, "  %-32s %6d%n", e.getKey().isEmpty() ? "(none)" : e.getKey(), e.getValue()));
        }
        sb.append(String.format(Locale.ROOT, "%nlabel co-occurrence (sentences with both; diagonal = label count)%n%-24s", ""));
        for (int j = 0; j < labels.size(); j++) {
            sb.append(String.format(Locale.ROOT, " %5s", abbreviation(labels.get(j).name())));
        }
        sb.append(System.lineSeparator());
        for (int i = 0; i < labels.size(); i++) {
            sb.append(String.format(Locale.ROOT, "%-24s", labels.get(i).name()));
            for (int j = 0; j < labels.size(); j++) {
                sb.append(String.format(Locale.ROOT, " %5d", cooccurrence[i][j]));
            }
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }

    private static void section(StringBuilder sb, String title, Map<String, Integer> counts) {
        sb.append(String.format(Locale.ROOT, "%n%s (%d)%n", title, counts.size()));
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            sb.append(String.format(Locale.ROOT, "  %-32s %6d%n", e.getKey().isEmpty() ? "(none)" : e.getKey(), e.getValue()));
        }
    }

    private static String abbreviation(String name) {
        StringBuilder a = new StringBuilder();
        for (String part : name.split("_")) {
            a.append(part, 0, Math.min(part.length(), 3 - Math.min(2, a.length())));
            if (a.length() >= 5) {
                break;
            }
        }
        return a.length() > 5 ? a.substring(0, 5) : a.toString();
    }
}
