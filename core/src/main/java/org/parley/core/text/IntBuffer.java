package org.parley.core.text;

import java.util.Arrays;

/** A growable array of ints without boxing. Not thread-safe: one per call. */
public final class IntBuffer {
    private int[] data;
    private int size;

    public IntBuffer(int capacity) {
        data = new int[Math.max(4, capacity)];
    }

    public void add(int v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, size * 2);
        }
        data[size++] = v;
    }

    public int size() {
        return size;
    }

    public int[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
