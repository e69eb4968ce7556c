package org.parley.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private final SentenceSplitter splitter = new SentenceSplitter();

    private List<String> sentences(String text) {
        return splitter.split(text).stream().map(s -> text.substring(s[0], s[1])).toList();
    }

    @Test
    void abbreviationsInitialsAndDecimalsDoNotEndSentences() {
        assertEquals(List.of("On Feb. 24 Gen. J. R. Mendez met Mr. Ortiz of the U.S. delegation, approx. 3.32 million people were displaced.",
                        "Talks resume at 10.30 a.m. on Monday."),
                sentences("On Feb. 24 Gen. J. R. Mendez met Mr. Ortiz of the U.S. delegation, approx. 3.32 million people were displaced. "
                        + "Talks resume at 10.30 a.m. on Monday."));
    }

    @Test
    void anAbbreviationCanEndASentenceBeforeAnOpener() {
        assertEquals(List.of("The next round will be held in the U.S.", "The date is not yet set."),
                sentences("The next round will be held in the U.S. The date is not yet set."));
        assertEquals(List.of("He asked a question.", "No.", "We will not."), sentences("He asked a question. No. We will not."));
        assertEquals(List.of("Article No. 3 applies."), sentences("Article No. 3 applies."));
    }

    @Test
    void multiSentenceQuotationsSplitAndAttributionsStayAttached() {
        assertEquals(List.of("\"We are ready.", "We have always been ready,\" she said.", "\"Why now?\" he asked."),
                sentences("\"We are ready. We have always been ready,\" she said. \"Why now?\" he asked."));
        assertEquals(List.of("\"Who gains from this?\" Foreign Minister Hamid Yusof asked on Monday."),
                sentences("\"Who gains from this?\" Foreign Minister Hamid Yusof asked on Monday."));
    }

    @Test
    void headlinesDatelinesAndBulletsFollowTheLayout() {
        String text = "Envoy to host talks as truce holds\n\nGENEVA, Feb. 24 (Parley Wire) — The envoy will host the talks. "
                + "(The ministry did not respond.)\n\nThe ministry said:\n- the truce must hold\n* aid must reach Gaza.\n1. Talks resume Monday\n";
        assertEquals(List.of("Envoy to host talks as truce holds", "GENEVA, Feb. 24 (Parley Wire) — The envoy will host the talks.",
                "(The ministry did not respond.)", "The ministry said:", "the truce must hold", "aid must reach Gaza.", "Talks resume Monday"),
                sentences(text));
    }

    @Test
    void hardWrappedParagraphsJoinAcrossLines() {
        String text = "Negotiators from both sides met in Doha on Tuesday for a third round of\n"
                + "talks on a ceasefire, officials said, and agreed to meet again next week in\n"
                + "the same venue. The envoy welcomed the progress made so far by the parties.\n";
        List<String> s = sentences(text);
        assertEquals(2, s.size(), s.toString());
        assertTrue(s.get(0).endsWith("the same venue."));
    }

    @Test
    void hostileMegabyteDocumentsFinish() {
        SpeakerAttributor attributor = new SpeakerAttributor();
        for (String unit : List.of("J. ", "x", "said \"", "U.S. The ", ", said ", "(", "a.m.")) {
            String text = unit.repeat(1_000_000 / unit.length());
            List<int[]> spans = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                    () -> splitter.split(text), "splitting " + unit);
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                    () -> attributor.attribute(text, spans), "attributing " + unit);
        }
    }

    @Test
    void offsetsPointIntoTheOriginalTextAndNeverOverlap() {
        String text = "  First one.  Second one!\n\n\n  Third?  ";
        List<int[]> spans = splitter.split(text);
        assertEquals(3, spans.size());
        int last = 0;
        for (int[] s : spans) {
            assertTrue(s[0] >= last && s[1] > s[0] && s[1] <= text.length());
            assertEquals(text.substring(s[0], s[1]).strip(), text.substring(s[0], s[1]));
            last = s[1];
        }
        assertTrue(splitter.split("").isEmpty());
        assertTrue(splitter.split(" \n\t \n").isEmpty());
    }
}
