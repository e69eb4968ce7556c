package org.parley.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.core.Corpus;
import org.parley.core.CorpusSplit;
import org.parley.core.LabelSet;
import org.parley.core.LabeledSentence;
import org.parley.core.corpus.CorpusStats;

/** The corpus meets every minimum the project set for it (see docs/codebook.md and the corpus issue). */
class CorpusTest {

    static final Path DIR = Path.of("corpus");
    static Corpus corpus;
    static CorpusStats stats;

    @BeforeAll
    static void read() {
        corpus = Corpus.read(DIR, LabelSet.standard());
        stats = CorpusStats.of(corpus);
    }

    @Test
    void size() {
        assertTrue(corpus.size() >= 4000, "sentences: " + corpus.size());
    }

    @Test
    void everyLabelHasThreeHundredPositives() {
        for (String l : LabelSet.standard().names()) {
            assertTrue(stats.perLabel().getOrDefault(l, 0) >= 300, l + ": " + stats.perLabel().get(l));
        }
    }

    @Test
    void negativesAndHardNegatives() {
        assertTrue(stats.noLabel() >= 1200, "no-label: " + stats.noLabel());
        assertTrue(stats.hardNegatives() >= 400, "hard negatives: " + stats.hardNegatives());
        for (LabeledSentence s : corpus.sentences()) {
            if (s.note().contains("hard-negative")) {
                assertTrue(s.labels().isEmpty(), s.id() + " is marked hard-negative but has labels");
            }
        }
    }

    @Test
    void aQuarterOfLabelledSentencesAreMultiLabel() {
        assertTrue(stats.multiLabelShare() >= 0.25, "multi-label share " + stats.multiLabelShare());
    }

    @Test
    void varietyOfConflictsContinentsSpeakersAndStyles() {
        assertTrue(stats.perConflict().size() >= 20, "conflicts: " + stats.perConflict().keySet());
        assertTrue(stats.perSpeaker().size() >= 40, "speaker kinds: " + stats.perSpeaker().size());
        assertTrue(stats.perStyle().keySet().containsAll(Set.of("quote", "reported", "headline", "communique", "readout",
                "statement", "interview", "social", "analysis", "news")), "styles: " + stats.perStyle().keySet());
        Set<String> regions = new HashSet<>();
        for (String line : readLines(DIR.resolve("splits.tsv")).subList(1, readLines(DIR.resolve("splits.tsv")).size())) {
            regions.add(line.split("\t")[2]);
        }
        for (String continent : List.of("Europe", "Africa", "Asia", "Middle East", "North America", "South America", "Oceania")) {
            assertTrue(regions.stream().anyMatch(r -> r.contains(continent)), "no conflict in " + continent);
        }
    }

    @Test
    void sentenceLengthAndIds() {
        Set<String> ids = new HashSet<>();
        for (LabeledSentence s : corpus.sentences()) {
            int words = s.text().trim().split("\\s+").length;
            assertTrue(words >= 4 && words <= 60, s.id() + " has " + words + " words");
            assertTrue(ids.add(s.id()), "duplicate id " + s.id());
            assertTrue(!s.conflict().isEmpty() && !s.style().isEmpty() && !s.speaker().isEmpty(), s.id() + " lacks metadata");
        }
    }

    @Test
    void noNearDuplicates() {
        List<Set<String>> grams = new ArrayList<>();
        Map<String, List<Integer>> index = new HashMap<>();
        for (LabeledSentence s : corpus.sentences()) {
            Set<String> g = trigrams(s.text());
            for (String t : g) {
                index.computeIfAbsent(t, k -> new ArrayList<>()).add(grams.size());
            }
            grams.add(g);
        }
        List<String> dups = new ArrayList<>();
        for (int i = 0; i < grams.size(); i++) {
            Map<Integer, Integer> shared = new HashMap<>();
            for (String t : grams.get(i)) {
                for (int j : index.get(t)) {
                    if (j > i) {
                        shared.merge(j, 1, Integer::sum);
                    }
                }
            }
            for (Map.Entry<Integer, Integer> e : shared.entrySet()) {
                Set<String> union = new HashSet<>(grams.get(i));
                union.addAll(grams.get(e.getKey()));
                double jaccard = (double) e.getValue() / union.size();
                if (jaccard > 0.6) {
                    dups.add(corpus.sentences().get(i).id() + "~" + corpus.sentences().get(e.getKey()).id());
                }
            }
        }
        assertTrue(dups.isEmpty(), "near-duplicates (word-trigram Jaccard > 0.6): " + dups);
    }

    @Test
    void theNearDuplicateCheckCatchesATemplate() {
        Set<String> a = trigrams("The foreign minister urged both sides to return to the talks in Doha on Monday and to respect the truce agreed last month.");
        Set<String> b = trigrams("The foreign minister urged both sides to return to the talks in Cairo on Monday and to respect the truce agreed last month.");
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        Set<String> inter = new HashSet<>(a);
        inter.retainAll(b);
        assertTrue((double) inter.size() / union.size() > 0.6);
    }

    @Test
    void crossConflictSplitKeepsTestConflictsOutOfTraining() {
        CorpusSplit split = CorpusSplit.byConflict(corpus, DIR.resolve("splits.tsv"));
        Set<String> trainConflicts = new HashSet<>();
        split.train().sentences().forEach(s -> trainConflicts.add(s.conflict()));
        for (LabeledSentence s : split.test().sentences()) {
            assertTrue(!trainConflicts.contains(s.conflict()), s.conflict());
        }
        for (LabeledSentence s : split.dev().sentences()) {
            assertTrue(!trainConflicts.contains(s.conflict()), s.conflict());
        }
        assertEquals(corpus.size(), split.train().size() + split.dev().size() + split.test().size());
        assertTrue(split.test().size() >= 500 && split.dev().size() >= 400, "test " + split.test().size() + ", dev " + split.dev().size());
        for (String l : LabelSet.standard().names()) {
            assertTrue(split.test().sentences().stream().filter(s -> s.labels().contains(l)).count() >= 30, "test support of " + l);
        }
    }

    static Set<String> trigrams(String text) {
        List<String> w = new ArrayList<>();
        Matcher m = Pattern.compile("[a-z0-9']+").matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            w.add(m.group());
        }
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 2 < w.size(); i++) {
            out.add(w.get(i) + " " + w.get(i + 1) + " " + w.get(i + 2));
        }
        if (out.isEmpty()) {
            out.add(String.join(" ", w));
        }
        return out;
    }

    static List<String> readLines(Path p) {
        try {
            return java.nio.file.Files.readAllLines(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
