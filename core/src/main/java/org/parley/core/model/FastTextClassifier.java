package org.parley.core.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import org.parley.core.Explanation;
import org.parley.core.Label;
import org.parley.core.LabelSet;
import org.parley.core.ModelFormatException;
import org.parley.core.Prediction;
import org.parley.core.archive.Floats;
import org.parley.core.archive.ManifestFields;
import org.parley.core.archive.ModelArchive;
import org.parley.core.archive.ModelHeader;
import org.parley.core.features.FeatureSettings;
import org.parley.core.features.HashedFeaturizer;
import org.parley.core.text.MappedTokens;

/**
 * The fast model: hashed n-grams and a small network evaluated by {@link FastTextKernel}. Thread-safe: all state is immutable after construction.
 */
public final class FastTextClassifier extends ScoringClassifier {

    public static final String KIND = "fasttext";
    /** The parameter layout this class writes (specified in {@code docs/archive-format.md}). */
    public static final String LAYOUT = "parley-fasttext-1";
    /** The name 0.1 archives give the same layout. */
    static final String LEGACY_LAYOUT = "dl4j-flattened";
    static final String PARAMS = "params.bin";

    private final FastTextSpec spec;
    private final float[] params;
    private final FastTextKernel kernel;
    private final HashedFeaturizer featurizer;
    public FastTextClassifier(FastTextSpec spec, float[] params, ModelHeader header) {
        super(header);
        if (header.labels().size() != spec.labels()) {
            throw new IllegalArgumentException("The network has " + spec.labels() + " outputs but the label set has "
                    + header.labels().size() + " labels");
        }
        this.spec = spec;
        this.params = params.clone();
        this.kernel = new FastTextKernel(spec, this.params);
        this.featurizer = new HashedFeaturizer(spec.features());
    }

    /** Rebuilds a classifier from a validated archive. */
    public static FastTextClassifier fromArchive(ModelArchive.Contents c) {
        String src = c.source();
        if (!c.entries().keySet().equals(java.util.Set.of(PARAMS))) {
            throw new ModelFormatException(src + ": a " + KIND + " archive holds exactly the entries [" + PARAMS + "], found "
                    + new java.util.TreeSet<>(c.entries().keySet()) + "; refusing unknown entries");
        }
        ModelHeader header = ModelHeader.readFrom(c.manifest(), src);
        FastTextSpec spec = readSpec(c.manifest(), src);
        if (spec.labels() != header.labels().size()) {
            throw new ModelFormatException(src + ": the network has " + spec.labels() + " outputs but the label set has "
                    + header.labels().size() + " labels; the archive is inconsistent");
        }
        float[] params = Floats.decode(c.entry(PARAMS), spec.parameterCount(), src + ": " + PARAMS);
        return new FastTextClassifier(spec, params, header);
    }

    /**
     * Reads the {@code featurizer} and {@code network} objects under {@code parent} (a manifest or a
     * part of one).
     */
    public static FastTextSpec readSpec(JsonElement parent, String src) {
        ManifestFields f = ManifestFields.of(parent, src);
        ManifestFields fs = f.object("featurizer");
        ManifestFields ns = f.object("network");
        String layout = ns.textOr("parameterLayout", LAYOUT);
        if (!layout.equals(LAYOUT) && !layout.equals(LEGACY_LAYOUT)) {
            throw new ModelFormatException(src + ": unknown parameter layout; this Parley reads '" + LAYOUT + "'");
        }
        try {
            FeatureSettings settings = new FeatureSettings(fs.integer("buckets", 16, 1 << 22), fs.integer("wordNgrams", 1, 3),
                    fs.integer("minCharN", 0, 8), fs.integer("maxCharN", 0, 8));
            return new FastTextSpec(settings, ns.integer("embeddingDim", 2, 1024), ns.integer("hidden", 1, 4096),
                    ns.integer("outputs", 1, 1000));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(src + ": invalid network settings: " + e.getMessage(), e);
        }
    }

    /** Writes the {@code featurizer} and {@code network} objects under {@code parent}. */
    public void writeSpec(JsonObject parent) {
        FeatureSettings fs = spec.features();
        JsonObject f = new JsonObject();
        f.addProperty("type", "hashed-ngrams");
        f.addProperty("buckets", fs.buckets());
        f.addProperty("wordNgrams", fs.wordNgrams());
        f.addProperty("minCharN", fs.minCharN());
        f.addProperty("maxCharN", fs.maxCharN());
        parent.add("featurizer", f);
        JsonObject n = new JsonObject();
        n.addProperty("type", "embedding-avgpool-dense-sigmoid");
        n.addProperty("embeddingDim", spec.embeddingDim());
        n.addProperty("hidden", spec.hidden());
        n.addProperty("outputs", spec.labels());
        n.addProperty("parameterLayout", LAYOUT);
        parent.add("network", n);
    }

    @Override
    public double[][] scores(List<String> sentences) {
        ensureOpen();
        double[][] out = new double[sentences.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = kernel.scores(featurizer.features(sentences.get(i)));
        }
        return out;
    }

    /** Raw per-label probabilities of one sentence (no thresholds). */
    public double[] scores(String sentence) {
        ensureOpen();
        return kernel.scores(featurizer.features(sentence));
    }

    /** Explains by the exact decomposition of {@link FastTextKernel#attribute}: one span per token. */
    @Override
    protected List<Explanation> explanations(List<String> sentences) {
        List<Explanation> out = new java.util.ArrayList<>(sentences.size());
        for (String s : sentences) {
            out.add(explainOne(s));
        }
        return out;
    }

    private Explanation explainOne(String sentence) {
        MappedTokens mt = MappedTokens.of(sentence);
        HashedFeaturizer.Covered f = featurizer.featuresWithCoverage(mt.tokens());
        Prediction p = prediction(sentence, kernel.scores(f.ids()));
        LabelSet labels = labels();
        Map<Label, List<Explanation.Span>> spans = new java.util.LinkedHashMap<>();
        double[][] w = f.ids().length == 0 ? null : kernel.attribute(f.ids(), f.first(), f.count(), mt.size());
        for (int k = 0; k < labels.size(); k++) {
            List<Explanation.Span> list = new java.util.ArrayList<>(mt.size());
            for (int t = 0; w != null && t < mt.size(); t++) {
                list.add(new Explanation.Span(mt.start()[t], mt.end()[t], mt.text(t, t + 1), w[k][t]));
            }
            spans.put(labels.get(k), list);
        }
        return new Explanation(p, spans);
    }

    /** The kernel (for explanation tests and evaluation). */
    public FastTextKernel kernel() {
        return kernel;
    }

    /** The featuriser. */
    public HashedFeaturizer featurizer() {
        return featurizer;
    }

    public FastTextSpec spec() {
        return spec;
    }

    /** A copy of the parameter vector, in the layout {@link #LAYOUT}. */
    public float[] parameters() {
        return params.clone();
    }

    @Override
    public void save(Path archive) {
        ensureOpen();
        JsonObject m = ModelArchive.newManifest();
        header().writeTo(m);
        writeSpec(m);
        ModelArchive.write(archive, m, Map.of(PARAMS, Floats.encode(params)));
    }

    @Override
    public void close() {
        markClosed();
    }
}
