package org.parley.core.archive;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.parley.core.ModelFormatException;

/**
 * Plain float32 arrays as archive entries: an 8-byte magic, the value count, then little-endian
 * floats. No Java serialisation; the reader checks the length. Thread-safe (stateless).
 */
public final class Floats {

    private static final byte[] MAGIC = {'P', 'R', 'L', 'Y', 'F', '3', '2', '1'};

    private Floats() {
    }

    public static byte[] encode(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 4 + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putInt(values.length);
        b.asFloatBuffer().put(values);
        return b.array();
    }

    /**
     * @param expected the number of values the model needs, or -1 to accept any
     * @throws ModelFormatException if the bytes are not a float array of that length
     */
    public static float[] decode(byte[] bytes, int expected, String what) {
        if (bytes.length < MAGIC.length + 4) {
            throw new ModelFormatException(what + " is too short to be a parameter array");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (byte m : MAGIC) {
            if (b.get() != m) {
                throw new ModelFormatException(what + " is not a Parley float array (bad magic bytes)");
            }
        }
        int n = b.getInt();
        if (n < 0 || (long) n * 4 != bytes.length - MAGIC.length - 4) {
            throw new ModelFormatException(what + " declares " + n + " values but holds " + (bytes.length - MAGIC.length - 4) + " bytes");
        }
        if (expected >= 0 && n != expected) {
            throw new ModelFormatException(what + " holds " + n + " parameters but the network described in the manifest needs "
                    + expected + " (the manifest and the parameters do not belong together)");
        }
        float[] out = new float[n];
        b.asFloatBuffer().get(out);
        for (float f : out) {
            if (!Float.isFinite(f)) {
                throw new ModelFormatException(what + " contains a non-finite value (NaN or infinity)");
            }
        }
        return out;
    }
}
