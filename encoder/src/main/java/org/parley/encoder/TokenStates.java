package org.parley.encoder;

/**
 * Encoder output for one sentence: the last hidden state of every token (special tokens included)
 * and the encoder's own pooled sentence embedding. Arrays are not copied; treat as read-only.
 *
 * @param tokens [tokens][dimension]
 * @param pooled [dimension], L2-normalised
 */
public record TokenStates(float[][] tokens, float[] pooled) {
}
