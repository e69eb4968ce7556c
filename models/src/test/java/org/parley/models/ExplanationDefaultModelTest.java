package org.parley.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.core.Explanation;
import org.parley.core.Parley;
import org.parley.core.StanceClassifier;

/** The shipped models explain an obvious sentence by the word that carries its label. */
class ExplanationDefaultModelTest {

    private static StanceClassifier deflt;
    private static StanceClassifier fast;

    @BeforeAll
    static void load() {
        deflt = Parley.load();
        fast = Parley.load("fast");
    }

    @AfterAll
    static void close() {
        deflt.close();
        fast.close();
    }

    @Test
    void condemnCarriesCondemnation() {
        String s = "We strongly condemn the shelling of the hospital.";
        for (StanceClassifier clf : List.of(deflt, fast)) {
            Explanation e = clf.explain(s);
            assertTrue(e.prediction().has("CONDEMNATION"), clf.info().name() + ": " + e.prediction());
            Explanation.Span top = e.top("CONDEMNATION").orElseThrow();
            assertTrue(top.text().contains("condemn"), clf.info().name() + ": " + e.spans("CONDEMNATION"));
            assertTrue(top.weight() > 0);
            assertEquals(s.substring(top.start(), top.end()), top.text());
        }
    }

    @Test
    void mediationOfferIsCarriedByTheOffer() {
        String s = "Qatar  stands\u00A0ready to host the next round of talks between the two sides.";
        Explanation e = deflt.explain(s);
        assertTrue(e.prediction().has("MEDIATION_OFFER"), e.prediction().toString());
        String top = e.top("MEDIATION_OFFER").orElseThrow().text();
        assertTrue(top.contains("host") || top.contains("ready"), e.spans("MEDIATION_OFFER").toString());
    }
}
