package org.parley.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;
import org.parley.core.Corpus;
import org.parley.core.LabelSet;

/**
 * The Apache OpenNLP peer: one binary maxent {@link DocumentCategorizerME} per label (bag of words
 * plus word bigrams, default {@link TrainingParameters}), trained on the training split. A label is
 * predicted when its {@code yes} probability is at least 0.5. The models are immutable and shared;
 * {@link Categorizer}s are not thread-safe, so each thread takes its own from {@link #newCategorizer()}.
 */
public final class OpenNlpPeer {

    static final String YES = "yes";
    static final String NO = "no";
    private static final String SHA_FILE = "corpus.sha256";
    private static final String LABELS_FILE = "labels.txt";

    private final List<String> labels;
    private final List<DoccatModel> models;

    private OpenNlpPeer(List<String> labels, List<DoccatModel> models) {
        this.labels = List.copyOf(labels);
        this.models = List.copyOf(models);
    }

    /** Where the suite keeps the trained models. */
    static Path cacheDir(Path root) {
        return root.resolve("benchmarks/target/opennlp");
    }

    /**
     * Trains one binary model per label of {@code labels} that has at least one positive training
     * sentence (a label without any is never predicted).
     */
    public static OpenNlpPeer train(Corpus train, LabelSet labels) {
        List<String> names = new ArrayList<>();
        List<DoccatModel> models = new ArrayList<>();
        List<String[]> tokens = train.sentences().stream().map(s -> tokens(s.text())).toList();
        for (String label : labels.names()) {
            List<DocumentSample> samples = new ArrayList<>();
            boolean anyYes = false;
            for (int i = 0; i < tokens.size(); i++) {
                boolean yes = train.sentences().get(i).labels().contains(label);
                anyYes |= yes;
                samples.add(new DocumentSample(yes ? YES : NO, tokens.get(i)));
            }
            if (!anyYes) {
                continue;
            }
            try {
                FeatureGenerator[] features = {new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)};
                models.add(DocumentCategorizerME.train("en", new CollectionObjectStream<>(samples),
                        TrainingParameters.defaultParams(), new DoccatFactory(features)));
                names.add(label);
            } catch (IOException e) {
                throw new UncheckedIOException("OpenNLP training failed for " + label + ": " + e.getMessage(), e);
            }
        }
        return new OpenNlpPeer(names, models);
    }

    /**
     * The models in {@code dir} when they were trained on a corpus with the training split's SHA-256;
     * otherwise trains them and writes them there.
     */
    public static OpenNlpPeer cached(Corpus train, LabelSet labels, Path dir) {
        Path shaFile = dir.resolve(SHA_FILE);
        try {
            if (Files.isRegularFile(shaFile) && Files.readString(shaFile).strip().equals(train.sha256())) {
                return load(dir);
            }
            OpenNlpPeer peer = train(train, labels);
            peer.save(dir, train.sha256());
            return peer;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use the OpenNLP cache " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Reads models written by {@link #save}. */
    public static OpenNlpPeer load(Path dir) {
        try {
            List<String> names = Files.readAllLines(dir.resolve(LABELS_FILE), StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank()).toList();
            List<DoccatModel> models = new ArrayList<>();
            for (String n : names) {
                models.add(new DoccatModel(dir.resolve(n + ".bin")));
            }
            return new OpenNlpPeer(names, models);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the OpenNLP models in " + dir
                    + " (run the suite once to train them): " + e.getMessage(), e);
        }
    }

    /** Writes the models, then the corpus checksum (written last, so it marks a complete cache). */
    public void save(Path dir, String corpusSha256) throws IOException {
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve(SHA_FILE));
        for (int i = 0; i < labels.size(); i++) {
            models.get(i).serialize(dir.resolve(labels.get(i) + ".bin"));
        }
        Files.write(dir.resolve(LABELS_FILE), labels, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(SHA_FILE), corpusSha256 + "\n");
    }

    /** The labels that have a model. */
    public List<String> labels() {
        return labels;
    }

    /** A categoriser for one thread. */
    public Categorizer newCategorizer() {
        return new Categorizer();
    }

    static String[] tokens(String text) {
        return SimpleTokenizer.INSTANCE.tokenize(text.toLowerCase(Locale.ROOT));
    }

    /** One {@link DocumentCategorizerME} per label; confined to one thread. */
    public final class Categorizer {
        private final DocumentCategorizerME[] me = new DocumentCategorizerME[models.size()];
        private final int[] yes = new int[models.size()];

        private Categorizer() {
            for (int i = 0; i < me.length; i++) {
                me[i] = new DocumentCategorizerME(models.get(i));
                yes[i] = me[i].getIndex(YES);
            }
        }

        /** The labels whose {@code yes} probability is at least 0.5. */
        public Set<String> labelsOf(String sentence) {
            String[] t = tokens(sentence);
            Set<String> out = new LinkedHashSet<>();
            for (int i = 0; i < me.length; i++) {
                if (yes[i] >= 0 && me[i].categorize(t)[yes[i]] >= 0.5) {
                    out.add(labels.get(i));
                }
            }
            return out;
        }

        public List<Set<String>> labelsOf(List<String> sentences) {
            List<Set<String>> out = new ArrayList<>(sentences.size());
            for (String s : sentences) {
                out.add(labelsOf(s));
            }
            return out;
        }
    }
}
