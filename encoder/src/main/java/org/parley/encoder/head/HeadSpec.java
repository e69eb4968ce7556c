package org.parley.encoder.head;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Shape of a classification head over an encoder's outputs.
 *
 * <ul>
 *   <li>{@link Type#POOLED}: the encoder's sentence embedding → dense (ReLU, dropout) → sigmoid per label.</li>
 *   <li>{@link Type#CONV}: the encoder's token states → 1-D convolution over tokens (ReLU) → masked global
 *       max pooling → dropout → sigmoid per label; it learns which phrases carry each act.</li>
 * </ul>
 */
public record HeadSpec(Type type, int inputDim, int hidden, int kernel, int labels, double dropout) {

    /** The head architectures, by the name the archive records. */
    public enum Type {
        POOLED("pooled"), CONV("conv");

        private final String id;

        Type(String id) {
            this.id = id;
        }

        /** The name written in model archives and accepted by the CLI. */
        public String id() {
            return id;
        }

        /** The type with this archive name, if any. */
        public static Optional<Type> byId(String id) {
            return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
        }
    }

    public HeadSpec {
        Objects.requireNonNull(type, "type");
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
        return type == Type.CONV;
    }
}
