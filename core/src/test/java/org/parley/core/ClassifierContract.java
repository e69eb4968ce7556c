package org.parley.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/**
 * Behaviour every classifier promises, whatever its kind: input handling, batch = single, thread
 * safety, close. A model kind's test extends this class and says how to load the model.
 */
public abstract class ClassifierContract {

    /** A classifier of the kind under test; may be shared by the tests of one class. */
    protected abstract StanceClassifier classifier();

    /** A fresh classifier of the kind under test, which the test closes. */
    protected abstract StanceClassifier freshClassifier();

    /** How many sentences the concurrency test classifies (fewer for slow kinds). */
    protected int concurrencySentences() {
        return 4000;
    }

    @Test
    void nullIsRefusedByName() {
        StanceClassifier clf = classifier();
        assertTrue(assertThrows(NullPointerException.class, () -> clf.classify(null)).getMessage().contains("sentence"));
        assertThrows(NullPointerException.class, () -> clf.classifyAll(null));
        assertThrows(NullPointerException.class, () -> clf.classifyAll(Arrays.asList("a", null)));
    }

    @Test
    void emptyTextHasNoLabels() {
        StanceClassifier clf = classifier();
        for (String s : new String[] {"", " ", "\t\n", "\u200B"}) {
            Prediction p = clf.classify(s);
            assertTrue(p.labels().isEmpty(), s);
            assertEquals(clf.labels().size(), p.scores().size());
        }
    }

    @Test
    void scoresAreProbabilitiesForEveryLabel() {
        StanceClassifier clf = classifier();
        for (String s : hostileInputs()) {
            Prediction p = clf.classify(s);
            assertEquals(s, p.text());
            assertEquals(clf.labels().asList(), new ArrayList<>(p.scores().keySet()));
            p.scores().values().forEach(v -> assertTrue(v >= 0 && v <= 1, "score " + v));
        }
    }

    @Test
    void batchEqualsOneByOne() {
        StanceClassifier clf = classifier();
        List<String> inputs = hostileInputs();
        List<Prediction> batch = clf.classifyAll(inputs);
        assertEquals(inputs.size(), batch.size());
        for (int i = 0; i < inputs.size(); i++) {
            assertEquals(clf.classify(inputs.get(i)), batch.get(i));
        }
        assertEquals(List.of(), clf.classifyAll(List.of()));
    }

    @Test
    void eightThreadsGiveExactlyTheSingleThreadResults() throws Exception {
        StanceClassifier clf = classifier();
        Random rnd = new Random(5);
        String[] words = "the envoy urged talks truce sanctions aid refugees border sovereignty condemns host mediate weapons progress".split(" ");
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < concurrencySentences(); i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = 0; j < 3 + rnd.nextInt(25); j++) {
                sb.append(words[rnd.nextInt(words.length)]).append(' ');
            }
            sentences.add(sb.toString());
        }
        List<Prediction> expected = sentences.stream().map(clf::classify).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Prediction>>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                final int offset = t;
                futures.add(pool.submit(() -> {
                    List<Prediction> out = new ArrayList<>();
                    for (int i = 0; i < sentences.size(); i++) {
                        int k = (i + offset * (sentences.size() / 8)) % sentences.size();
                        out.add(k % 2 == 0 ? clf.classify(sentences.get(k)) : clf.classifyAll(List.of(sentences.get(k))).get(0));
                    }
                    return out;
                }));
            }
            for (int t = 0; t < 8; t++) {
                List<Prediction> got = futures.get(t).get();
                for (int i = 0; i < sentences.size(); i++) {
                    assertEquals(expected.get((i + t * (sentences.size() / 8)) % sentences.size()), got.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closedClassifierSaysSo() {
        StanceClassifier c = freshClassifier();
        int labels = c.labels().size();
        c.close();
        c.close();
        assertTrue(assertThrows(IllegalStateException.class, () -> c.classify("x")).getMessage().contains("closed"));
        assertThrows(IllegalStateException.class, () -> c.classifyAll(List.of("x")));
        assertThrows(IllegalStateException.class, () -> c.explain("x"));
        assertEquals(labels, c.labels().size());
    }

    @Test
    void explanationsPointAtTheInputAndAgreeWithClassify() {
        StanceClassifier clf = classifier();
        List<String> inputs = hostileInputs();
        List<Explanation> batch = clf.explainAll(inputs);
        assertEquals(inputs.size(), batch.size());
        for (int i = 0; i < inputs.size(); i++) {
            String s = inputs.get(i);
            Explanation e = batch.get(i);
            assertEquals(clf.classify(s), e.prediction(), s);
            assertEquals(clf.labels().asList(), new ArrayList<>(e.spans().keySet()));
            for (List<Explanation.Span> spans : e.spans().values()) {
                for (int j = 0; j < spans.size(); j++) {
                    Explanation.Span sp = spans.get(j);
                    assertEquals(s.substring(sp.start(), sp.end()), sp.text());
                    assertTrue(sp.end() <= Math.min(s.length(), 2 * org.parley.core.text.TextNormalizer.MAX_CHARS));
                    if (j > 0) {
                        assertTrue(Math.abs(spans.get(j - 1).weight()) >= Math.abs(sp.weight()), "strongest first");
                    }
                }
            }
            if (org.parley.core.text.TextNormalizer.normalize(s).isEmpty()) {
                e.spans().values().forEach(l -> assertTrue(l.isEmpty()));
            }
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(clf.explain(inputs.get(i)), batch.get(i), "explainAll = explain one by one");
        }
        assertEquals(List.of(), clf.explainAll(List.of()));
        assertThrows(NullPointerException.class, () -> clf.explain(null));
        assertThrows(NullPointerException.class, () -> clf.explainAll(Arrays.asList("a", null)));
    }

    @Test
    void explanationsAreTheSameOnFourThreads() throws Exception {
        StanceClassifier clf = classifier();
        List<String> sentences = List.of("The envoy urged both sides to return to talks.", "We condemn the attack on the convoy.",
                "Sanctions will stay until the troops withdraw.", "Qatar stands ready to host the next round.");
        List<Explanation> expected = sentences.stream().map(clf::explain).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Explanation>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> clf.explainAll(sentences)));
            }
            for (Future<List<Explanation>> f : futures) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    public static List<String> hostileInputs() {
        return List.of("The council condemned the shelling of the hospital.", "", "   ", "\u0000\u0001\u0007 bell",
                "lone \uD800 surrogate \uDFFF", "emoji \uD83D\uDE4F\uD83C\uDFFD peace \uD83D\uDD4A\uFE0F",
                "مرحبا بالعالم، وقف إطلاق النار الآن", "שלום עכשיו", "停火谈判将于周一恢复",
                "<script>alert('x')</script><b>Ceasefire</b> &amp; talks", "https://example.org/a?b=c&d=e#f",
                "x".repeat(100_000), "word ".repeat(200_000), "a\u0301\u0301\u0301\u0301 combining",
                "Ukraine\u2019s \u201Csovereignty\u201D \u2014 reaffirmed");
    }
}
