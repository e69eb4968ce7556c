package org.parley.encoder.head;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes the smallest ONNX model that multiplies its input by a constant matrix:
 * {@code y[tokens, cols] = x[tokens, rows] · W[rows, cols]}, with W stored as an initializer. It lets
 * the head's one heavy product run in ONNX Runtime, on the same thread pool as the encoder, instead
 * of a second native math library whose threads would compete with it. The protobuf wire format is
 * written directly (field numbers from onnx.proto), so no ONNX or protobuf library is needed.
 */
final class MatMulGraph {

    private static final int FLOAT = 1; // TensorProto.DataType.FLOAT
    private static final int IR_VERSION = 7;
    private static final int OPSET = 13;

    private MatMulGraph() {
    }

    /** The serialised ModelProto; {@code w} is row-major [rows][cols]. */
    static byte[] model(float[] w, int rows, int cols) {
        if ((long) rows * cols != w.length) {
            throw new IllegalArgumentException("weights hold " + w.length + " values, not " + rows + " x " + cols);
        }
        Proto graph = new Proto()
                .message(1, new Proto().string(1, "x").string(1, "w").string(2, "y").string(3, "matmul").string(4, "MatMul"))
                .string(2, "parley-head-product")
                .message(5, tensor("w", w, rows, cols))
                .message(11, valueInfo("x", rows))
                .message(12, valueInfo("y", cols));
        return new Proto()
                .varint(1, IR_VERSION)
                .string(2, "parley")
                .message(7, graph)
                .message(8, new Proto().string(1, "").varint(2, OPSET))
                .bytes();
    }

    private static Proto tensor(String name, float[] w, int rows, int cols) {
        ByteBuffer raw = ByteBuffer.allocate(w.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(w);
        return new Proto().varint(1, rows).varint(1, cols).varint(2, FLOAT).string(8, name).bytes(9, raw.array());
    }

    /** A float tensor of shape [tokens (symbolic), width]. */
    private static Proto valueInfo(String name, int width) {
        Proto shape = new Proto()
                .message(1, new Proto().string(2, "tokens"))
                .message(1, new Proto().varint(1, width));
        Proto tensorType = new Proto().varint(1, FLOAT).message(2, shape);
        return new Proto().string(1, name).message(2, new Proto().message(1, tensorType));
    }

    /** A protobuf message being written: fields in the order they are added. */
    private static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Proto varint(int field, long value) {
            key(field, 0);
            raw(value);
            return this;
        }

        Proto string(int field, String value) {
            return bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Proto message(int field, Proto value) {
            return bytes(field, value.bytes());
        }

        Proto bytes(int field, byte[] value) {
            key(field, 2);
            raw(value.length);
            out.writeBytes(value);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private void key(int field, int wireType) {
            raw(((long) field << 3) | wireType);
        }

        private void raw(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }
    }
}
