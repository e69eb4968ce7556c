package org.parley.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class SpeakerAttributorTest {

    private final SentenceSplitter splitter = new SentenceSplitter();
    private final SpeakerAttributor attributor = new SpeakerAttributor();

    private List<String> speakers(String text) {
        List<int[]> spans = splitter.split(text);
        return SpeakerAttributor.texts(text, attributor.attribute(text, spans));
    }

    @Test
    void namesTheSpeakerInTheCommonNewsPatterns() {
        assertEquals(List.of("Kalin", "the ministry", "Foreign Minister Ana Ruiz", "the African Union", "Dr. Halima Osman",
                        "A diplomat who asked not to be named", ""),
                speakers("Kalin told reporters that Ankara would host the talks. "
                        + "The talks will resume in March, according to the ministry. "
                        + "\"We are ready to help,\" said Foreign Minister Ana Ruiz. "
                        + "In a statement, the African Union said it was alarmed. "
                        + "Dr. Halima Osman, a surgeon, said the hospital was full. "
                        + "A diplomat who asked not to be named said the deal was close. "
                        + "The talks were held in a hotel."));
    }

    @Test
    void quotationsAndPronounsInheritTheirSpeaker() {
        String text = "\"We are ready. We have always been ready,\" Ruiz said.\n\n"
                + "\"The door is open.\"\n\n"
                + "She added that the envoy would travel on Monday.";
        assertEquals(List.of("Ruiz", "Ruiz", "Ruiz", "Ruiz"), speakers(text));
    }

    @Test
    void headlinesAndPlainNarrationHaveNoSpeaker() {
        assertEquals(List.of("", ""), speakers("Malaysia offers to host next round as U.N. urges restraint\n\n"
                + "The army-aligned government has previously rejected the proposals."));
    }

    @Test
    void listItemsInheritTheSpeakerOfTheirIntroduction() {
        String text = "In this regard, the Chairperson:\n1. Calls on both sides to exercise restraint;\n2. Urges a return to talks.";
        assertEquals(List.of("the Chairperson", "the Chairperson", "the Chairperson"), speakers(text));
    }
}
