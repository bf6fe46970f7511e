package org.configspec.llm.convert;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.configspec.llm.LlmException;

/**
 * The 7-int header of a llama2.c "v0" checkpoint. A negative {@code vocabSize} in the file means the classifier is
 * stored separately (not tied to the embedding); {@link #sharedClassifier()} reports it and {@code vocabSize} is
 * positive here.
 */
public record Llama2cConfig(int dim, int hiddenDim, int nLayers, int nHeads, int nKvHeads, int vocabSize, int seqLen,
                            boolean sharedClassifier) {
    public static final int HEADER_BYTES = 28;

    public Llama2cConfig {
        if (dim <= 0 || hiddenDim <= 0 || nLayers <= 0 || nHeads <= 0 || nKvHeads <= 0 || vocabSize <= 0
                || seqLen <= 0 || dim % nHeads != 0 || nHeads % nKvHeads != 0 || dim > 1 << 16 || nLayers > 1024) {
            throw new IllegalArgumentException("implausible llama2.c header: dim=" + dim + " hidden=" + hiddenDim
                    + " layers=" + nLayers + " heads=" + nHeads + " kv_heads=" + nKvHeads + " vocab=" + vocabSize
                    + " seq_len=" + seqLen);
        }
    }

    public int headSize() {
        return dim / nHeads;
    }

    public int kvDim() {
        return dim * nKvHeads / nHeads;
    }

    /** Bytes of float32 weights this header implies (without the header). */
    public long weightBytes() {
        long d = dim, h = hiddenDim, l = nLayers, kv = kvDim();
        long floats = vocabSize * d + l * d + l * d * d + 2 * l * d * kv + l * d * d + l * d + 3 * l * d * h + d
                + (long) seqLen * headSize(); // freq_cis_real + imag: seqLen * headSize/2 each
        if (!sharedClassifier) {
            floats += vocabSize * d;
        }
        return floats * 4;
    }

    public static Llama2cConfig read(Path checkpoint) {
        try (FileChannel ch = FileChannel.open(checkpoint, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            while (b.hasRemaining()) {
                if (ch.read(b) < 0) {
                    throw new LlmException("llama2.c checkpoint " + checkpoint + " is shorter than its 28-byte header");
                }
            }
            b.flip();
            int[] v = new int[7];
            for (int i = 0; i < 7; i++) {
                v[i] = b.getInt();
            }
            Llama2cConfig c;
            try {
                c = new Llama2cConfig(v[0], v[1], v[2], v[3], v[4], Math.abs(v[5]), v[6], v[5] > 0);
            } catch (IllegalArgumentException e) {
                throw new LlmException("not a llama2.c checkpoint: " + checkpoint + ": " + e.getMessage());
            }
            long expected = HEADER_BYTES + c.weightBytes();
            if (ch.size() != expected) {
                throw new LlmException("llama2.c checkpoint " + checkpoint + " is " + ch.size() + " bytes, its header "
                        + "implies " + expected + " (truncated or not a v0 float32 checkpoint)");
            }
            return c;
        } catch (IOException e) {
            throw new LlmException("cannot read llama2.c checkpoint " + checkpoint + ": " + e.getMessage(), e);
        }
    }
}
