package org.parley.models.head;

/**
 * Shape of a classification head over a frozen encoder.
 *
 * <ul>
 *   <li>{@code pooled}: the encoder's sentence embedding → dense (ReLU, dropout) → sigmoid per label.</li>
 *   <li>{@code conv}: the encoder's token states → 1-D convolution over tokens (ReLU) → masked global
 *       max pooling → dropout → sigmoid per label; it learns which phrases carry each act.</li>
 * </ul>
 */
public record HeadSpec(String type, int inputDim, int hidden, int kernel, int labels, double dropout) {

    public static final String POOLED = "pooled";
    public static final String CONV = "conv";

    public HeadSpec {
        if (!type.equals(POOLED) && !type.equals(CONV)) {
            throw new IllegalArgumentException("head type must be 'pooled' or 'conv', got '" + type + "'");
        }
        if (inputDim < 1 || inputDim > 4096 || hidden < 1 || hidden > 4096 || labels < 1 || labels > 1000) {
            throw new IllegalArgumentException("head sizes out of range: inputDim " + inputDim + ", hidden " + hidden + ", labels " + labels);
        }
        if (kernel < 1 || kernel > 9) {
            throw new IllegalArgumentException("kernel must be in [1, 9], got " + kernel);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }

    public boolean usesTokens() {
        return type.equals(CONV);
    }
}
