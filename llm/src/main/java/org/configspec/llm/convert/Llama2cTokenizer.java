package org.configspec.llm.convert;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.configspec.llm.LlmException;

/** A llama2.c {@code tokenizer.bin}: int32 max_token_length, then per token float32 score, int32 length, bytes. */
public record Llama2cTokenizer(int maxTokenLength, List<byte[]> pieces, float[] scores) {

    public Llama2cTokenizer {
        pieces = List.copyOf(pieces);
        scores = scores.clone();
    }

    @Override
    public float[] scores() {
        return scores.clone();
    }

    public int size() {
        return pieces.size();
    }

    public static Llama2cTokenizer read(Path file, int vocabSize) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new LlmException("cannot read tokenizer " + file + ": " + e.getMessage(), e);
        }
        ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
        try {
            int max = b.getInt();
            List<byte[]> pieces = new ArrayList<>(vocabSize);
            float[] scores = new float[vocabSize];
            for (int i = 0; i < vocabSize; i++) {
                scores[i] = b.getFloat();
                int len = b.getInt();
                if (len < 0 || len > max || len > b.remaining()) {
                    throw new LlmException("invalid tokenizer " + file + ": token " + i + " has length " + len
                            + " (max_token_length " + max + ")");
                }
                byte[] p = new byte[len];
                b.get(p);
                pieces.add(p);
            }
            if (b.hasRemaining()) {
                throw new LlmException("invalid tokenizer " + file + ": " + b.remaining() + " trailing bytes after "
                        + vocabSize + " tokens (vocab size mismatch with the checkpoint?)");
            }
            return new Llama2cTokenizer(max, pieces, scores);
        } catch (java.nio.BufferUnderflowException e) {
            throw new LlmException("invalid tokenizer " + file + ": truncated (expected " + vocabSize + " tokens)");
        }
    }
}
