package org.parley.encoder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.parley.core.ModelFormatException;
import org.parley.core.text.TextNormalizer;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * Runs a BERT-style encoder from its ONNX file with ONNX Runtime and its Hugging Face tokenizer,
 * both read from the classpath (no network). Each sentence runs on its own, so its states never
 * depend on other inputs, and the {@code last_hidden_state} output is returned per token.
 * Thread-safe: ONNX Runtime sessions and the tokenizer may be used concurrently.
 */
public final class OnnxSentenceEncoder implements SentenceEncoder {

    /** Longest input in tokens (special tokens included); longer sentences are cut. */
    public static final int MAX_TOKENS = 128;

    private final EncoderId id;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean needsTypeIds;
    private final int dimension;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param threads ONNX Runtime intra-op threads (0 = one per core)
     * @throws ModelFormatException if the encoder's artifact is not on the classpath
     */
    public OnnxSentenceEncoder(EncoderId id, int threads) {
        this.id = Objects.requireNonNull(id, "id");
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        byte[] model = resource(id.onnxResource(), id);
        try (InputStream tok = stream(id.tokenizerResource(), id)) {
            tokenizer = HuggingFaceTokenizer.newInstance(tok, Map.of("padding", "false", "truncation", "true",
                    "maxLength", String.valueOf(MAX_TOKENS), "addSpecialTokens", "true"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the tokenizer of encoder " + id.id() + ": " + e.getMessage(), e);
        }
        env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            opts.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            if (threads > 0) {
                opts.setIntraOpNumThreads(threads);
            }
            if (!Boolean.getBoolean("parley.encoder.spin")) {
                opts.addConfigEntry("session.intra_op.allow_spinning", "0");
            }
            session = env.createSession(model, opts);
            Set<String> inputs = session.getInputNames();
            needsTypeIds = inputs.contains("token_type_ids");
            dimension = probeDimension();
        } catch (OrtException e) {
            throw new ModelFormatException("Cannot start encoder " + id.id() + " in ONNX Runtime: " + e.getMessage(), e);
        }
    }

    private static InputStream stream(String resource, EncoderId id) {
        InputStream in = OnnxSentenceEncoder.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new ModelFormatException("The encoder '" + id.id() + "' is not on the classpath (missing " + resource
                    + "); add the dependency " + id.artifact());
        }
        return in;
    }

    private static byte[] resource(String resource, EncoderId id) {
        try (InputStream in = stream(resource, id)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    private int probeDimension() throws OrtException {
        return run(List.of(tokenizer.encode("probe"))).get(0)[0].length;
    }

    @Override
    public EncoderId id() {
        return id;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public List<TokenStates> encode(List<String> sentences) {
        if (closed.get()) {
            throw new IllegalStateException("The encoder has been closed");
        }
        List<TokenStates> out = new ArrayList<>(sentences.size());
        try {
            for (String s : sentences) {
                // one sentence per run: the quantised encoders scale activations per tensor, so batching
                // would make a sentence's states depend on its neighbours
                float[][] t = run(List.of(tokenizer.encode(id.prefix() + TextNormalizer.normalize(s)))).get(0);
                out.add(new TokenStates(t, pool(t)));
            }
        } catch (OrtException e) {
            throw new IllegalStateException("Encoder " + id.id() + " failed: " + e.getMessage(), e);
        }
        return out;
    }

    /** Runs one padded batch; returns each sentence's unpadded token states. */
    private List<float[][]> run(List<Encoding> batch) throws OrtException {
        int max = 1;
        for (Encoding e : batch) {
            max = Math.max(max, e.getIds().length);
        }
        long[][] ids = new long[batch.size()][max];
        long[][] mask = new long[batch.size()][max];
        long[][] types = new long[batch.size()][max];
        for (int i = 0; i < batch.size(); i++) {
            long[] e = batch.get(i).getIds();
            System.arraycopy(e, 0, ids[i], 0, e.length);
            Arrays.fill(mask[i], 0, e.length, 1L);
        }
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, ids));
            inputs.put("attention_mask", OnnxTensor.createTensor(env, mask));
            if (needsTypeIds) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(env, types));
            }
            try (OrtSession.Result r = session.run(inputs)) {
                float[][][] h = (float[][][]) r.get(0).getValue();
                List<float[][]> out = new ArrayList<>(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    out.add(Arrays.copyOf(h[i], batch.get(i).getIds().length));
                }
                return out;
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private float[] pool(float[][] tokens) {
        float[] v;
        if (id.pooling() == EncoderId.Pooling.CLS) {
            v = tokens[0].clone();
        } else {
            v = new float[tokens[0].length];
            for (float[] t : tokens) {
                for (int d = 0; d < v.length; d++) {
                    v[d] += t[d];
                }
            }
            for (int d = 0; d < v.length; d++) {
                v[d] /= tokens.length;
            }
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float inv = (float) (1 / Math.max(1e-12, Math.sqrt(norm)));
        for (int d = 0; d < v.length; d++) {
            v[d] *= inv;
        }
        return v;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                session.close();
            } catch (OrtException e) {
                // nothing more can be released
            }
            tokenizer.close();
        }
    }
}
