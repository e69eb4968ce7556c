package org.parley.encoder;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.google.gson.JsonObject;

import org.parley.core.Explanation;
import org.parley.core.ModelFormatException;
import org.parley.core.archive.Floats;
import org.parley.core.archive.ManifestFields;
import org.parley.core.archive.ModelArchive;
import org.parley.core.archive.ModelHeader;
import org.parley.core.explain.Occlusion;
import org.parley.core.model.FastTextClassifier;
import org.parley.core.model.ScoringClassifier;
import org.parley.core.model.FastTextSpec;
import org.parley.encoder.head.HeadKernel;
import org.parley.encoder.head.HeadSpec;

/**
 * The accurate tier: a pretrained sentence encoder (ONNX Runtime) and a classification head,
 * optionally blended with a fast n-gram model's scores, evaluated by {@link HeadKernel}.
 * Thread-safe: the encoder session and the head's weights are shared read-only.
 */
public final class EncoderClassifier extends ScoringClassifier {

    public static final String KIND = "encoder-head";
    static final String HEAD = "head.bin";
    static final String LEXICAL = "lexical.bin";

    /** The parameter layout of {@code head.bin} this class reads and writes (docs/archive-format.md). */
    public static final String HEAD_LAYOUT = "parley-head-1";
    private static final String LEGACY_LAYOUT = "dl4j-flattened";

    private final SharedEncoder shared;
    private final SentenceEncoder encoder;
    private final HeadSpec spec;
    private final float[] params;
    private final HeadKernel head;
    private final FastTextClassifier lexical;
    private final double lexicalWeight;

    /** A model whose scores are the head's alone; it owns {@code encoder} and closes it. */
    public EncoderClassifier(SentenceEncoder encoder, HeadSpec spec, float[] params, ModelHeader header) {
        this(encoder, spec, params, header, null, 0);
    }

    /**
     * A model whose scores blend the head's with a fast (n-gram) model's:
     * {@code (1 - lexicalWeight) * head + lexicalWeight * lexical}. It owns {@code encoder} and closes it.
     */
    public EncoderClassifier(SentenceEncoder encoder, HeadSpec spec, float[] params, ModelHeader header,
                             FastTextClassifier lexical, double lexicalWeight) {
        this(new SharedEncoder(encoder), spec, params, null, header, lexical, lexicalWeight);
    }

    private EncoderClassifier(SharedEncoder shared, HeadSpec spec, float[] params, HeadKernel builtHead, ModelHeader header,
                              FastTextClassifier lexical, double lexicalWeight) {
        super(header);
        SentenceEncoder encoder = shared.get();
        if (header.labels().size() != spec.labels()) {
            throw new IllegalArgumentException("The head has " + spec.labels() + " outputs but the label set has "
                    + header.labels().size());
        }
        if (encoder.dimension() != spec.inputDim()) {
            throw new IllegalArgumentException("The head expects " + spec.inputDim() + "-dimensional input but encoder "
                    + encoder.id().id() + " gives " + encoder.dimension());
        }
        this.shared = shared;
        this.encoder = encoder;
        this.spec = spec;
        this.params = params.clone();
        this.head = builtHead != null ? builtHead : new HeadKernel(spec, this.params);
        if (!(lexicalWeight >= 0 && lexicalWeight < 1)) {
            throw new IllegalArgumentException("lexicalWeight must be in [0, 1), got " + lexicalWeight);
        }
        if (lexical != null && !lexical.labels().names().equals(header.labels().names())) {
            throw new IllegalArgumentException("The lexical model's labels " + lexical.labels() + " differ from " + header.labels());
        }
        this.lexical = lexicalWeight > 0 ? lexical : null;
        this.lexicalWeight = this.lexical == null ? 0 : lexicalWeight;
    }

    /** Rebuilds a classifier from a validated archive, starting the encoder it names. */
    public static EncoderClassifier fromArchive(ModelArchive.Contents c) {
        String src = c.source();
        boolean blended = c.manifest().has("lexical");
        
        java.util.Set<String> expectedEntries = blended ? java.util.Set.of(HEAD, LEXICAL) : java.util.Set.of(HEAD);
        if (!c.entries().keySet().equals(expectedEntries)) {
            throw new ModelFormatException(src + ": this " + KIND + " archive must hold exactly the entries "
                    + new java.util.TreeSet<>(expectedEntries) + ", found " + new java.util.TreeSet<>(c.entries().keySet())
                    + "; refusing unknown entries");
        }
        ModelHeader header = ModelHeader.readFrom(c.manifest(), src);
        String encoderName = header.info().encoder();
        EncoderId id = EncoderId.byId(encoderName).orElseThrow(() -> new ModelFormatException(src + ": unknown encoder '"
                + encoderName + "'; this Parley knows " + java.util.Arrays.stream(EncoderId.values()).map(EncoderId::id).toList()));
        if (!id.isAvailable()) {
            throw new ModelFormatException(src + ": the model needs the encoder '" + id.id()
                    + "', which is not on the classpath; add the dependency " + id.artifact());
        }
        // starting ONNX Runtime on the encoder is the slowest step of loading: it runs on a second thread
        // while this one builds the lexical model and the head
        CompletableFuture<SentenceEncoder> starting = CompletableFuture.supplyAsync(() -> new OnnxSentenceEncoder(id, 0),
                EncoderClassifier::startThread);
        try {
            return assemble(c, src, header, id, starting);
        } catch (RuntimeException e) {
            starting.thenAccept(SentenceEncoder::close);
            throw e;
        }
    }

    private static Thread startThread(Runnable r) {
        Thread t = new Thread(r, "parley-encoder-start");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static EncoderClassifier assemble(ModelArchive.Contents c, String src, ModelHeader header, EncoderId id,
                                              CompletableFuture<SentenceEncoder> starting) {
        FastTextClassifier lexical = null;
        double weight = 0;
        if (c.manifest().has("lexical")) {
            ManifestFields lf = new ManifestFields(c.manifest(), src).object("lexical");
            weight = lf.number("weight", 0, 0.99);
            FastTextSpec lexSpec = FastTextClassifier.readSpec(c.manifest().get("lexical"), src + " (lexical)");
            if (lexSpec.labels() != header.labels().size()) {
                throw new ModelFormatException(src + ": the lexical model has " + lexSpec.labels() + " outputs but the label set has "
                        + header.labels().size() + " labels; the archive is inconsistent");
            }
            lexical = new FastTextClassifier(lexSpec, Floats.decode(c.entry(LEXICAL), lexSpec.parameterCount(), src + ": " + LEXICAL),
                    header);
        }
        ManifestFields h = new ManifestFields(c.manifest(), src).object("head");
        HeadSpec spec;
        try {
            String layout = h.textOr("parameterLayout", HEAD_LAYOUT);
            if (!layout.equals(HEAD_LAYOUT) && !layout.equals(LEGACY_LAYOUT)) {
                throw new ModelFormatException(src + ": unknown head parameter layout; this Parley reads '" + HEAD_LAYOUT + "'");
            }
            HeadSpec.Type type = HeadSpec.Type.byId(h.text("type")).orElseThrow(() -> new ModelFormatException(src
                    + ": unknown head type; this Parley reads " + java.util.Arrays.stream(HeadSpec.Type.values()).map(HeadSpec.Type::id).toList()));
            spec = new HeadSpec(type, h.integer("inputDim", 1, 4096), h.integer("hidden", 1, 4096),
                    h.integer("kernel", 1, 9), h.integer("outputs", 1, 1000), h.number("dropout", 0, 0.99));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(src + ": invalid head settings: " + e.getMessage(), e);
        }
        if (spec.labels() != header.labels().size()) {
            throw new ModelFormatException(src + ": the head has " + spec.labels() + " outputs but the label set has "
                    + header.labels().size() + " labels; the archive is inconsistent");
        }
        long expected = HeadKernel.parameterCount(spec);
        float[] params = Floats.decode(c.entry(HEAD), (int) expected, src + ": " + HEAD);
        HeadKernel head = new HeadKernel(spec, params);
        SentenceEncoder encoder;
        try {
            encoder = starting.join();
        } catch (java.util.concurrent.CompletionException e) {
            head.close();
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        if (encoder.dimension() != spec.inputDim()) {
            head.close();
            throw new ModelFormatException(src + ": the head expects " + spec.inputDim() + "-dimensional input but encoder "
                    + id.id() + " gives " + encoder.dimension());
        }
        try {
            return new EncoderClassifier(new SharedEncoder(encoder), spec, params, head, header, lexical, weight);
        } catch (RuntimeException e) {
            head.close();
            throw e;
        }
    }

    @Override
    public double[][] scores(List<String> sentences) {
        ensureOpen();
        double[][] s = head.scores(encoder.encode(sentences));
        if (lexical != null) {
            for (int i = 0; i < s.length; i++) {
                double[] lex = lexical.scores(sentences.get(i));
                for (int k = 0; k < s[i].length; k++) {
                    s[i][k] = (1 - lexicalWeight) * s[i][k] + lexicalWeight * lex[k];
                }
            }
        }
        return s;
    }

    /**
     * Explains by occlusion over words and short phrases ({@link Occlusion}): each sentence is re-scored
     * with each of its phrases deleted, then with each word of its strongest phrases deleted; each
     * round is one {@link #scores} call over all variants of all sentences. The weights are drops of
     * the blended probability.
     */
    @Override
    protected List<Explanation> explanations(List<String> sentences) {
        return Occlusion.explain(sentences, labels(), this::scores, this::prediction);
    }

    /**
     * The same head and encoder with another lexical blend and header (thresholds, provenance). The
     * two classifiers share the encoder: each must be closed, and the encoder is released when both are.
     */
    public EncoderClassifier withBlend(FastTextClassifier lexicalModel, double weight, ModelHeader newHeader) {
        ensureOpen();
        return new EncoderClassifier(shared.acquire(), spec, params, null, newHeader, lexicalModel, weight);
    }

    /**
     * The same model with another header (thresholds, provenance). The two share the encoder: each must
     * be closed, and the encoder is released when both are.
     */
    public EncoderClassifier withThresholds(ModelHeader newHeader) {
        return withBlend(lexical, lexicalWeight, newHeader);
    }

    /** The weight of the lexical (fast-model) scores in the blend; 0 when there is none. */
    public double lexicalWeight() {
        return lexicalWeight;
    }

    /** The head alone on precomputed encoder outputs (for measuring the head's own cost). */
    public double[][] headScores(List<TokenStates> states) {
        ensureOpen();
        return head.scores(states);
    }

    /** The encoder this model runs. */
    public SentenceEncoder encoder() {
        return encoder;
    }

    public HeadSpec spec() {
        return spec;
    }

    @Override
    public void save(Path archive) {
        ensureOpen();
        JsonObject m = ModelArchive.newManifest();
        header().writeTo(m);
        JsonObject h = new JsonObject();
        h.addProperty("type", spec.type().id());
        h.addProperty("inputDim", spec.inputDim());
        h.addProperty("hidden", spec.hidden());
        h.addProperty("kernel", spec.kernel());
        h.addProperty("outputs", spec.labels());
        h.addProperty("dropout", spec.dropout());
        h.addProperty("parameterLayout", HEAD_LAYOUT);
        m.add("head", h);
        if (lexical == null) {
            ModelArchive.write(archive, m, Map.of(HEAD, Floats.encode(params)));
        } else {
            JsonObject lex = new JsonObject();
            lex.addProperty("weight", lexicalWeight);
            lexical.writeSpec(lex);
            m.add("lexical", lex);
            ModelArchive.write(archive, m, Map.of(HEAD, Floats.encode(params), LEXICAL, Floats.encode(lexical.parameters())));
        }
    }

    @Override
    public void close() {
        if (markClosed()) {
            head.close();
            shared.release();
        }
    }

}
