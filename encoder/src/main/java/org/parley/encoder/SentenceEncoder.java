package org.parley.encoder;

import java.util.List;

/**
 * A frozen pretrained sentence encoder: text in, token states and a sentence embedding out. The
 * one seam between Parley's heads and the encoder implementation. Implementations are thread-safe.
 */
public interface SentenceEncoder extends AutoCloseable {

    EncoderId id();

    /** Width of token states and embeddings. */
    int dimension();

    /** Encodes sentences (one result per input, in order). Empty text encodes to its special tokens only. */
    List<TokenStates> encode(List<String> sentences);

    @Override
    void close();
}
