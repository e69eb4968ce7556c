package org.parley.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.parley.core.Corpus;
import org.parley.core.CorpusSplit;
import org.parley.core.Evaluation;
import org.parley.core.LabelSet;
import org.parley.core.LabeledSentence;
import org.parley.core.Parley;
import org.parley.core.StanceClassifier;
import org.parley.training.FastTextTrainer;
import org.parley.training.baselines.KeywordLexicon;
import org.parley.training.baselines.ZeroShotCosine;
import org.parley.encoder.EncoderClassifier;
import org.parley.encoder.SentenceEncoder;
import org.parley.training.EncoderModelBuilder;
import org.parley.training.EncodingCache;

/**
 * Macro- and micro-F1 of every system on the cross-conflict test split. The bare encoder has no
 * head, so its figures are the zero-shot cosine baseline on the same encoder (label-description
 * embeddings, per-label thresholds tuned on dev). Results are cached in
 * {@code benchmarks/target/accuracy.tsv}, keyed by the corpus and the code and models that produce them.
 */
final class Accuracy {

    /** One system's test scores. */
    record Score(double macroF1, double microF1) {
    }

    private Accuracy() {
    }

    static Map<String, Score> measure(Path root, CorpusSplit split, OpenNlpPeer peer) {
        Path cacheFile = root.resolve("benchmarks/target/accuracy.tsv");
        String key = key(split);
        Map<String, Score> cached = key == null ? null : readCache(cacheFile, key);
        if (cached != null) {
            return cached;
        }
        LabelSet labels = LabelSet.standard();
        Corpus test = split.test();
        List<String> texts = texts(test);
        List<Set<String>> gold = test.sentences().stream().map(LabeledSentence::labels).toList();
        Map<String, Score> out = new LinkedHashMap<>();
        try (StanceClassifier fast = Parley.load(Systems.FAST)) {
            out.put(Systems.FAST, score(Evaluation.ofPredictions(fast.labels(), test.sentences(), fast.classifyAll(texts))));
        }
        try (StanceClassifier dflt = Parley.load(Systems.DEFAULT)) {
            out.put(Systems.DEFAULT, score(Evaluation.ofPredictions(dflt.labels(), test.sentences(), dflt.classifyAll(texts))));
            SentenceEncoder encoder = ((EncoderClassifier) dflt).encoder();
            if (encoder.id() != EncoderModelBuilder.DEFAULT_ENCODER) {
                throw new IllegalStateException("The default model runs encoder " + encoder.id().id()
                        + " but the bare-encoder system uses " + EncoderModelBuilder.DEFAULT_ENCODER.id() + "; update Systems");
            }
            EncodingCache cache = new EncodingCache(root.resolve("benchmarks/target/encoder-cache"));
            ZeroShotCosine zs = new ZeroShotCosine(encoder, labels);
            zs.tune(cache.encode(encoder, texts(split.dev())), split.dev().sentences().stream()
                    .map(s -> FastTextTrainer.gold(s, labels)).toArray(boolean[][]::new));
            out.put(Systems.ENCODER, score(Evaluation.of(labels, gold, zs.labelsOf(cache.encode(encoder, texts)))));
        }
        out.put(Systems.OPENNLP, score(Evaluation.of(labels, gold, peer.newCategorizer().labelsOf(texts))));
        out.put(Systems.LEXICON, score(Evaluation.of(labels, gold, new KeywordLexicon(labels).labelsOf(texts))));
        if (key != null) {
            writeCache(cacheFile, key, out);
        }
        return out;
    }

    private static Score score(Evaluation e) {
        return new Score(e.macroF1(), e.microF1());
    }

    private static List<String> texts(Corpus c) {
        return c.sentences().stream().map(LabeledSentence::text).toList();
    }

    /**
     * SHA-256 over the split's corpora, the Parley jars (code and model archives) and this module's
     * evaluation code; null (no caching) when Parley runs from class folders rather than jars.
     */
    private static String key(CorpusSplit split) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(("accuracy-v1 " + split.train().sha256() + split.dev().sha256() + split.test().sha256())
                    .getBytes(StandardCharsets.UTF_8));
            for (Class<?> c : List.of(Parley.class, KeywordLexicon.class)) {
                Path jar = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (!Files.isRegularFile(jar)) {
                    return null;
                }
                md.update(Files.readAllBytes(jar));
            }
            for (Class<?> c : List.of(Accuracy.class, OpenNlpPeer.class)) {
                try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
                    md.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException | IOException | java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static Map<String, Score> readCache(Path file, String key) {
        try {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(key)) {
                return null;
            }
            Map<String, Score> out = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t");
                out.put(f[0], new Score(Double.parseDouble(f[1]), Double.parseDouble(f[2])));
            }
            return out.keySet().containsAll(Systems.ALL) ? out : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void writeCache(Path file, String key, Map<String, Score> scores) {
        List<String> lines = new ArrayList<>(List.of(key));
        scores.forEach((k, v) -> lines.add(String.format(Locale.ROOT, "%s\t%.6f\t%.6f", k, v.macroF1(), v.microF1())));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
