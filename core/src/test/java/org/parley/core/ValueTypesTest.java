package org.parley.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ValueTypesTest {

    @Test
    void standardLabelsFollowTheTaxonomy() {
        assertEquals(List.of("CONDEMNATION", "TERRITORIAL_INTEGRITY", "CALL_FOR_DIALOGUE", "CEASEFIRE_CALL", "MEDIATION_OFFER",
                "ACKNOWLEDGES_CONCERNS", "SANCTIONS_PRESSURE", "HUMANITARIAN_CONCERN", "PROGRESS_OPTIMISM", "MILITARY_SUPPORT"),
                LabelSet.standard().names());
        for (Label l : Label.STANDARD) {
            assertFalse(l.description().isEmpty());
        }
    }

    @Test
    void labelEqualityIsByName() {
        assertEquals(Label.CONDEMNATION, Label.of("CONDEMNATION"));
        assertEquals(Label.CONDEMNATION.hashCode(), Label.of("CONDEMNATION").hashCode());
        assertNotEquals(Label.CONDEMNATION, Label.of("CONDEMNATIONS"));
        assertThrows(IllegalArgumentException.class, () -> Label.of("bad name"));
        assertThrows(IllegalArgumentException.class, () -> Label.of(""));
        assertThrows(NullPointerException.class, () -> Label.of(null));
    }

    @Test
    void labelSetsRefuseDuplicatesAndEmptiness() {
        assertThrows(IllegalArgumentException.class, () -> LabelSet.ofNames(List.of("A", "A")));
        assertThrows(IllegalArgumentException.class, () -> LabelSet.ofNames(List.of()));
        LabelSet s = LabelSet.ofNames(List.of("X", "CEASEFIRE_CALL"));
        assertEquals(1, s.indexOf("CEASEFIRE_CALL"));
        assertEquals(-1, s.indexOf("Y"));
        assertEquals(Label.CEASEFIRE_CALL.description(), s.get(1).description());
    }

    @Test
    void predictionKeepsLabelsAtOrAboveThresholdBestFirst() {
        LabelSet set = LabelSet.ofNames(List.of("A", "B", "C", "D"));
        Prediction p = Prediction.of("t", set, new double[] {0.6, 0.9, 0.4, 0.5}, new double[] {0.5, 0.5, 0.5, 0.5});
        assertEquals(List.of("B", "A", "D"), p.labelNames());
        assertEquals(Label.of("B"), p.best().orElseThrow());
        assertEquals(0.4, p.score("C"));
        assertTrue(p.has("D"));
        assertFalse(p.has("C"));
        assertEquals(List.of("A", "B", "C", "D"), p.scores().keySet().stream().map(Label::name).toList());
        assertThrows(UnsupportedOperationException.class, () -> p.scores().put(Label.of("E"), 1.0));
        assertThrows(UnsupportedOperationException.class, () -> p.labels().add(Label.of("E")));
        assertThrows(IllegalArgumentException.class, () -> p.score("Z"));
    }

    @Test
    void perLabelThresholdsApply() {
        LabelSet set = LabelSet.ofNames(List.of("A", "B"));
        Prediction p = Prediction.of("t", set, new double[] {0.3, 0.3}, new double[] {0.2, 0.8});
        assertEquals(List.of("A"), p.labelNames());
    }

    @Test
    void evaluationCountsByHand() {
        LabelSet set = LabelSet.ofNames(List.of("A", "B"));
        // A: tp 1, fp 1, fn 1 -> P .5 R .5 F1 .5 ; B: tp 2, fp 0, fn 0 -> F1 1
        List<Set<String>> gold = List.of(Set.of("A", "B"), Set.of("A"), Set.of("B"), Set.of());
        List<Set<String>> pred = List.of(Set.of("A", "B"), Set.of(), Set.of("B"), Set.of("A"));
        Evaluation ev = Evaluation.of(set, gold, pred);
        assertEquals(0.5, ev.label("A").f1(), 1e-12);
        assertEquals(1.0, ev.label("B").f1(), 1e-12);
        assertEquals(0.75, ev.macroF1(), 1e-12);
        assertEquals(2.0 * 3 / (2.0 * 3 + 1 + 1), ev.microF1(), 1e-12);
        assertEquals(0.5, ev.exactMatch(), 1e-12);
        assertEquals(2, ev.label("A").support());
        assertTrue(ev.toTable().contains("macro-F1"));
    }

    @Test
    void modelInfoIsImmutable() {
        ModelInfo info = new ModelInfo("n", "k", 1, "", "", 1, java.time.Instant.EPOCH, 1,
                new ModelInfo.DevMetrics(10, 0.5, 0.5, 0.2, new java.util.HashMap<>(Map.of("a", 1.0))));
        assertThrows(UnsupportedOperationException.class, () -> info.dev().details().put("b", 2.0));
        assertEquals(1.0, info.dev().detail("a"));
        assertTrue(Double.isNaN(info.dev().detail("absent")));
        assertThrows(IllegalArgumentException.class, () -> new ModelInfo.DevMetrics(1, 1.5, 0, 0, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new ModelInfo("n", "k", 1, "", "", 1, java.time.Instant.EPOCH, -1,
                new ModelInfo.DevMetrics(1, 0, 0, 0, Map.of())));
    }
}
