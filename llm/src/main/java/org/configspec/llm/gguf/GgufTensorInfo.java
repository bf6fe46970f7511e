package org.configspec.llm.gguf;

import java.util.Arrays;
import java.util.Objects;

/**
 * A tensor entry of a GGUF file: name, dimensions in GGUF order ({@code dims[0]} is the contiguous, "in" dimension),
 * element type, and offset of its data relative to the start of the data section.
 */
public record GgufTensorInfo(String name, long[] dims, GgmlType type, long offset) {

    public GgufTensorInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        dims = dims.clone();
        if (dims.length < 1 || dims.length > 4) {
            throw new IllegalArgumentException("tensor " + name + ": " + dims.length + " dimensions, allowed 1..4");
        }
        for (long d : dims) {
            if (d <= 0) {
                throw new IllegalArgumentException("tensor " + name + ": dimension " + d + " must be positive");
            }
        }
        if (offset < 0) {
            throw new IllegalArgumentException("tensor " + name + ": negative offset " + offset);
        }
    }

    @Override
    public long[] dims() {
        return dims.clone();
    }

    /** Number of elements. */
    public long elements() {
        long n = 1;
        for (long d : dims) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** Size of the data in bytes. */
    public long byteSize() {
        return type.bytesFor(elements());
    }

    public GgufTensorInfo withOffset(long newOffset) {
        return new GgufTensorInfo(name, dims, type, newOffset);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GgufTensorInfo && ((GgufTensorInfo) o).name.equals(name)
                && Arrays.equals(((GgufTensorInfo) o).dims, dims) && ((GgufTensorInfo) o).type == type
                && ((GgufTensorInfo) o).offset == offset;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(dims), type, offset);
    }

    @Override
    public String toString() {
        return name + " " + Arrays.toString(dims) + " " + type + " @" + offset;
    }
}
