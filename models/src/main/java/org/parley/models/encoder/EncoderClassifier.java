package org.parley.models.encoder;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.nd4j.shade.jackson.databind.node.ObjectNode;
import org.parley.core.ModelFormatException;
import org.parley.core.archive.Floats;
import org.parley.core.archive.ManifestFields;
import org.parley.core.archive.ModelArchive;
import org.parley.core.archive.ModelHeader;
import org.parley.models.head.HeadNetworks;
import org.parley.core.model.FastTextClassifier;
import org.parley.core.model.ScoringClassifier;
import org.parley.core.model.FastTextSpec;
import org.parley.models.head.HeadKernel;
import org.parley.models.head.HeadSpec;

/**
 * The accurate tier: a frozen pretrained sentence encoder (ONNX Runtime) and a DL4J classification
 * head, optionally blended with a fast n-gram model's scores, evaluated by {@link HeadKernel}. Thread-safe: the encoder session and the head's weights are
 * shared read-only.
 */
public final class EncoderClassifier extends ScoringClassifier {

    public static final String KIND = "encoder-head";
    static final String HEAD = "head.bin";
    static final String LEXICAL = "lexical.bin";

    private final SentenceEncoder encoder;
    private final HeadSpec spec;
    private final float[] params;
    private final HeadKernel head;
    private final FastTextClassifier lexical;
    private final double lexicalWeight;

    /** A model whose scores are the head's alone. */
    public EncoderClassifier(SentenceEncoder encoder, HeadSpec spec, float[] params, ModelHeader header) {
        this(encoder, spec, params, header, null, 0);
    }

    /**
     * A model whose scores blend the head's with a fast (n-gram) model's:
     * {@code (1 - lexicalWeight) * head + lexicalWeight * lexical}.
     */
    public EncoderClassifier(SentenceEncoder encoder, HeadSpec spec, float[] params, ModelHeader header,
                             FastTextClassifier lexical, double lexicalWeight) {
        this(encoder, spec, params, null, header, lexical, lexicalWeight);
    }

    private EncoderClassifier(SentenceEncoder encoder, HeadSpec spec, float[] params, HeadKernel builtHead, ModelHeader header,
                              FastTextClassifier lexical, double lexicalWeight) {
        super(header);
        if (header.labels().size() != spec.labels()) {
            throw new IllegalArgumentException("The head has " + spec.labels() + " outputs but the label set has "
                    + header.labels().size());
        }
        if (encoder.dimension() != spec.inputDim()) {
            throw new IllegalArgumentException("The head expects " + spec.inputDim() + "-dimensional input but encoder "
                    + encoder.id().id() + " gives " + encoder.dimension());
        }
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
            spec = new HeadSpec(h.text("type"), h.integer("inputDim", 1, 4096), h.integer("hidden", 1, 4096),
                    h.integer("kernel", 1, 9), h.integer("outputs", 1, 1000), h.number("dropout", 0, 0.99));
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(src + ": invalid head settings: " + e.getMessage(), e);
        }
        if (spec.labels() != header.labels().size()) {
            throw new ModelFormatException(src + ": the head has " + spec.labels() + " outputs but the label set has "
                    + header.labels().size() + " labels; the archive is inconsistent");
        }
        long expected = HeadNetworks.parameterCount(spec);
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
            return new EncoderClassifier(encoder, spec, params, head, header, lexical, weight);
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

    /** The same head and encoder with another lexical blend and header (thresholds, provenance). */
    public EncoderClassifier withBlend(FastTextClassifier lexicalModel, double weight, ModelHeader newHeader) {
        return new EncoderClassifier(encoder, spec, params, newHeader, lexicalModel, weight);
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
        ObjectNode m = ModelArchive.newManifest();
        header().writeTo(m);
        m.putObject("head").put("type", spec.type()).put("inputDim", spec.inputDim()).put("hidden", spec.hidden())
                .put("kernel", spec.kernel()).put("outputs", spec.labels()).put("dropout", spec.dropout())
                .put("parameterLayout", "dl4j-flattened");
        if (lexical == null) {
            ModelArchive.write(archive, m, Map.of(HEAD, Floats.encode(params)));
        } else {
            ObjectNode lex = m.putObject("lexical").put("weight", lexicalWeight);
            lexical.writeSpec(lex);
            ModelArchive.write(archive, m, Map.of(HEAD, Floats.encode(params), LEXICAL, Floats.encode(lexical.parameters())));
        }
    }

    @Override
    public void close() {
        if (markClosed()) {
            head.close();
            encoder.close();
        }
    }

}
