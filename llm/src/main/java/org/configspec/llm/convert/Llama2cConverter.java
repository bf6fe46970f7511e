package org.configspec.llm.convert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.configspec.llm.LlmException;
import org.configspec.llm.gguf.GgmlType;
import org.configspec.llm.gguf.GgufValue;
import org.configspec.llm.gguf.GgufValueType;
import org.configspec.llm.gguf.GgufWriter;
import org.configspec.llm.gguf.TensorData;

/**
 * Converts a llama2.c float32 checkpoint plus its {@code tokenizer.bin} into an F32 GGUF v3 that llama.cpp loads as
 * architecture {@code llama}. Weights are copied byte for byte (llama2.c stores matrices as [out][in] row-major, which
 * is GGUF dims [in, out]; no Q/K permutation: llama2.c's RoPE pairs are already llama.cpp's). The output head is a
 * copy of the embedding when the classifier is tied. Vocab fix-ups: ids 0/1/2 named {@code <unk>/<s>/</s>} (control),
 * byte-fallback ids 3..258 named {@code <0xXX>} (type byte), spaces as U+2581.
 */
public final class Llama2cConverter {
    private Llama2cConverter() { }

    public static void convert(Path checkpoint, Path tokenizerBin, Path out, String name) {
        Llama2cConfig c = Llama2cConfig.read(checkpoint);
        Llama2cTokenizer tok = Llama2cTokenizer.read(tokenizerBin, c.vocabSize());
        try {
            GgufWriter.write(out, metadata(c, tok, name), tensors(checkpoint, c));
        } catch (IOException e) {
            throw new LlmException("cannot write GGUF " + out + ": " + e.getMessage(), e);
        }
    }

    static Map<String, GgufValue> metadata(Llama2cConfig c, Llama2cTokenizer tok, String name) {
        Map<String, GgufValue> m = new LinkedHashMap<>();
        m.put("general.architecture", GgufValue.string("llama"));
        m.put("general.name", GgufValue.string(name));
        m.put("general.alignment", GgufValue.uint32(32));
        m.put("general.file_type", GgufValue.uint32(0));
        m.put("llama.vocab_size", GgufValue.uint32(c.vocabSize()));
        m.put("llama.context_length", GgufValue.uint32(c.seqLen()));
        m.put("llama.embedding_length", GgufValue.uint32(c.dim()));
        m.put("llama.block_count", GgufValue.uint32(c.nLayers()));
        m.put("llama.feed_forward_length", GgufValue.uint32(c.hiddenDim()));
        m.put("llama.rope.dimension_count", GgufValue.uint32(c.headSize()));
        m.put("llama.attention.head_count", GgufValue.uint32(c.nHeads()));
        m.put("llama.attention.head_count_kv", GgufValue.uint32(c.nKvHeads()));
        m.put("llama.attention.layer_norm_rms_epsilon", GgufValue.float32(1e-5));
        List<String> tokens = new ArrayList<>(tok.size());
        List<Double> scores = new ArrayList<>(tok.size());
        List<Long> types = new ArrayList<>(tok.size());
        float[] s = tok.scores();
        for (int i = 0; i < tok.size(); i++) {
            String piece;
            long type;
            if (i == 0) {
                piece = "<unk>";
                type = 2;
            } else if (i == 1) {
                piece = "<s>";
                type = 3;
            } else if (i == 2) {
                piece = "</s>";
                type = 3;
            } else if (i < 259) {
                piece = String.format("<0x%02X>", i - 3);
                type = 6;
            } else {
                piece = new String(tok.pieces().get(i), StandardCharsets.UTF_8).replace(' ', '\u2581');
                type = 1;
            }
            tokens.add(piece);
            scores.add((double) s[i]);
            types.add(type);
        }
        m.put("tokenizer.ggml.model", GgufValue.string("llama"));
        m.put("tokenizer.ggml.tokens", GgufValue.array(GgufValueType.STRING, tokens));
        m.put("tokenizer.ggml.scores", GgufValue.array(GgufValueType.FLOAT32, scores));
        m.put("tokenizer.ggml.token_type", GgufValue.array(GgufValueType.INT32, types));
        m.put("tokenizer.ggml.bos_token_id", GgufValue.uint32(1));
        m.put("tokenizer.ggml.eos_token_id", GgufValue.uint32(2));
        m.put("tokenizer.ggml.unknown_token_id", GgufValue.uint32(0));
        m.put("tokenizer.ggml.add_bos_token", GgufValue.bool(true));
        m.put("tokenizer.ggml.add_eos_token", GgufValue.bool(false));
        return m;
    }

    static List<GgufWriter.Tensor> tensors(Path ckpt, Llama2cConfig c) {
        long d = c.dim(), h = c.hiddenDim(), kv = c.kvDim(), v = c.vocabSize();
        int L = c.nLayers();
        long off = Llama2cConfig.HEADER_BYTES;
        long embd = off;
        off += v * d * 4;
        long rmsAtt = off;
        off += L * d * 4;
        long wq = off;
        off += L * d * d * 4;
        long wk = off;
        off += L * d * kv * 4;
        long wv = off;
        off += L * d * kv * 4;
        long wo = off;
        off += L * d * d * 4;
        long rmsFfn = off;
        off += L * d * 4;
        long w1 = off;
        off += L * h * d * 4;
        long w2 = off;
        off += L * d * h * 4;
        long w3 = off;
        off += L * h * d * 4;
        long rmsFinal = off;
        off += d * 4;
        off += (long) c.seqLen() * c.headSize() * 4; // freq_cis real + imag, unused (llama.cpp computes RoPE)
        long wcls = c.sharedClassifier() ? embd : off;

        List<GgufWriter.Tensor> t = new ArrayList<>();
        t.add(f32(ckpt, "token_embd.weight", embd, d, v));
        for (int l = 0; l < L; l++) {
            String p = "blk." + l + ".";
            t.add(f32(ckpt, p + "attn_norm.weight", rmsAtt + l * d * 4, d));
            t.add(f32(ckpt, p + "attn_q.weight", wq + l * d * d * 4, d, d));
            t.add(f32(ckpt, p + "attn_k.weight", wk + l * d * kv * 4, d, kv));
            t.add(f32(ckpt, p + "attn_v.weight", wv + l * d * kv * 4, d, kv));
            t.add(f32(ckpt, p + "attn_output.weight", wo + l * d * d * 4, d, d));
            t.add(f32(ckpt, p + "ffn_norm.weight", rmsFfn + l * d * 4, d));
            t.add(f32(ckpt, p + "ffn_gate.weight", w1 + l * h * d * 4, d, h));
            t.add(f32(ckpt, p + "ffn_down.weight", w2 + l * d * h * 4, h, d));
            t.add(f32(ckpt, p + "ffn_up.weight", w3 + l * h * d * 4, d, h));
        }
        t.add(f32(ckpt, "output_norm.weight", rmsFinal, d));
        t.add(f32(ckpt, "output.weight", wcls, d, v));
        return t;
    }

    private static GgufWriter.Tensor f32(Path file, String name, long offset, long... dims) {
        long n = 1;
        for (long x : dims) {
            n *= x;
        }
        return new GgufWriter.Tensor(name, dims, GgmlType.F32, TensorData.region(file, offset, n * 4));
    }
}
