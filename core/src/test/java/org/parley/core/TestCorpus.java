package org.parley.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A small synthetic corpus for unit tests of training machinery (not the project corpus): sentences
 * built from label-specific phrases mixed with neutral filler, so a working trainer must learn them.
 */
public final class TestCorpus {

    private static final String[] FILLER = {"on Tuesday", "in the capital", "according to officials", "late last night",
        "after the meeting", "in a statement", "near the border", "this week"};
    private static final String[][] PHRASES = {
        {"CONDEMNATION", "strongly condemned the attack"},
        {"CONDEMNATION", "denounced the shelling as a crime"},
        {"CALL_FOR_DIALOGUE", "urged both sides to return to talks"},
        {"CALL_FOR_DIALOGUE", "called for negotiations without preconditions"},
        {"SANCTIONS_PRESSURE", "froze the assets of the bank"},
        {"SANCTIONS_PRESSURE", "imposed new sanctions on officials"},
    };

    private TestCorpus() {
    }

    public static Corpus make(int n, long seed) {
        Random rnd = new Random(seed);
        List<LabeledSentence> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder("The minister");
            Set<String> labels = new java.util.TreeSet<>();
            int k = rnd.nextInt(3);
            for (int j = 0; j < k; j++) {
                String[] p = PHRASES[rnd.nextInt(PHRASES.length)];
                sb.append(j == 0 ? " " : " and ").append(p[1]);
                labels.add(p[0]);
            }
            if (k == 0) {
                sb.append(" arrived");
            }
            sb.append(' ').append(FILLER[rnd.nextInt(FILLER.length)]).append('.');
            out.add(new LabeledSentence("t" + i, sb.toString(), labels, "c" + (i % 3), "news", "narrator", ""));
        }
        return Corpus.of(out);
    }

}
