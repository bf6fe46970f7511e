package org.configspec.llm.gguf;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks, in Java, the hyper-parameters llama.cpp's model loader asserts on (an assertion aborts the whole JVM) or
 * divides by, so that such a file gets a one-line {@link GgufException} before llama.cpp sees it: the block count
 * (1..{@value #MAX_LAYERS}), context and embedding lengths, attention heads (per layer or one value; KV heads dividing
 * the heads, head size dividing the embedding), rope dimensions and scaling type, feed-forward lengths, expert
 * counts and groups, next-token-prediction layers, and the vocabulary arrays (scores and token types one per token).
 * The limits are llama.cpp's at the pinned commit (its src/llama-hparams.h: LLAMA_MAX_LAYERS 512, LLAMA_MAX_EXPERTS
 * 1024; the asserts are in its src/llama-model.cpp, load_hparams). Stateless.
 */
public final class HyperParameters {
    public static final int MAX_LAYERS = 512;
    public static final int MAX_EXPERTS = 1024;
    private static final long MAX_U31 = Integer.MAX_VALUE;
    private static final Set<String> ROPE_SCALING = Set.of("none", "linear", "yarn", "longrope");
    /** Architectures without attention heads (llama.cpp sets n_head = 0 for them). */
    private static final Set<String> ATTENTION_FREE = Set.of("mamba", "mamba2", "rwkv6", "rwkv6qwen2", "rwkv7",
            "arwkv7");
    /**
     * Architectures whose graph asserts head size = value head size = rope dimension count (llama.cpp's
     * src/models/&lt;arch&gt;.cpp: {@code GGML_ASSERT(n_embd_head == n_rot)}): a file that breaks it loads, then aborts
     * the process on its first decode.
     */
    private static final Set<String> FULL_ROPE = Set.of("llama", "llama4", "deci", "falcon", "qwen2", "qwen2moe",
            "qwen2vl", "qwen3", "qwen3moe", "qwen3vl", "qwen3vlmoe", "mistral3", "granite", "olmo", "olmo2", "olmoe",
            "smollm3", "internlm2", "baichuan", "starcoder2", "exaone", "exaone4", "deepseek", "arcee", "nemotron",
            "orion", "xverse", "dbrx", "grok", "cohere2moe", "plamo");

    private HyperParameters() { }

    /** Throws a one-line {@link GgufException} naming the key, its value and what is allowed. */
    public static void check(GgufFile f, String arch) {
        new Check(f, arch).run();
    }

    private static final class Check {
        private final GgufFile f;
        private final String arch;

        Check(GgufFile f, String arch) {
            this.f = f;
            this.arch = arch;
        }

        private GgufException bad(String key, Object value, String allowed) {
            return new GgufException("invalid model " + f.path() + ": " + key + " = " + value + " (allowed: "
                    + allowed + ")");
        }

        private String key(String suffix) {
            return arch + "." + suffix;
        }

        /** An unsigned integer scalar, or empty when the key is absent. */
        private Optional<Long> integer(String key, long min, long max) {
            Optional<GgufValue> v = f.get(key);
            if (v.isEmpty()) {
                return Optional.empty();
            }
            if (!(v.get().value() instanceof Long n)) {
                throw bad(key, v.get(), "an integer in " + min + ".." + max);
            }
            if (n < min || n > max) {
                throw bad(key, n, min + ".." + max);
            }
            return Optional.of(n);
        }

        private long required(String key, long min, long max) {
            return integer(key, min, max).orElseThrow(() -> new GgufException("invalid model " + f.path() + ": no "
                    + key + " in the GGUF metadata"));
        }

        /** One value per layer: an integer array of {@code layers} entries, or one integer for every layer. */
        private Optional<long[]> perLayer(String key, int layers, long min, long max) {
            Optional<GgufValue> v = f.get(key);
            if (v.isEmpty()) {
                return Optional.empty();
            }
            long[] out = new long[layers];
            if (v.get().type() != GgufValueType.ARRAY) {
                java.util.Arrays.fill(out, integer(key, min, max).orElseThrow());
                return Optional.of(out);
            }
            GgufValueType t = v.get().elementType();
            if (t != GgufValueType.UINT32 && t != GgufValueType.INT32) {
                throw bad(key, v.get(), "one UINT32 per layer, or one UINT32");
            }
            List<?> l = v.get().asList();
            if (l.size() != layers) {
                throw bad(key, "an array of " + l.size(), "one entry per layer, " + layers);
            }
            for (int i = 0; i < layers; i++) {
                long n = (Long) l.get(i);
                if (n < min || n > max) {
                    throw bad(key + "[" + i + "]", n, min + ".." + max);
                }
                out[i] = n;
            }
            return Optional.of(out);
        }

        private void finite(String key, boolean positive) {
            Optional<GgufValue> v = f.get(key);
            if (v.isPresent()) {
                if (!(v.get().value() instanceof Double d) || !Double.isFinite(d) || (positive ? d <= 0 : d < 0)) {
                    throw bad(key, v.get(), positive ? "a finite number > 0" : "a finite number >= 0");
                }
            }
        }

        void run() {
            int layers = (int) required(key("block_count"), 1, MAX_LAYERS);
            required(key("context_length"), 1, MAX_U31);
            long embd = required(key("embedding_length"), 1, MAX_U31);
            integer(key("nextn_predict_layers"), 0, layers);
            perLayer(key("feed_forward_length"), layers, 0, MAX_U31);
            experts(layers);
            heads(layers, embd);
            rope();
            finite(key("attention.layer_norm_rms_epsilon"), false);
            finite(key("attention.layer_norm_epsilon"), false);
            vocabulary();
        }

        private void experts(int layers) {
            long experts = integer(key("expert_count"), 0, MAX_EXPERTS).orElse(0L);
            long[] used = perLayer(key("expert_used_count"), layers, 0, MAX_EXPERTS).orElse(new long[layers]);
            long groups = integer(key("expert_group_count"), 0, MAX_EXPERTS).orElse(0L);
            long groupsUsed = integer(key("expert_group_used_count"), 0, MAX_EXPERTS).orElse(0L);
            for (long u : used) {
                if (experts == 0 && u != 0) {
                    throw bad(key("expert_used_count"), u, "0 without " + key("expert_count"));
                }
                if (experts > 0 && (u < 1 || u > experts)) {
                    throw bad(key("expert_used_count"), u, "1.." + experts + " (" + key("expert_count") + ")");
                }
            }
            if (experts == 0 && groups != 0) {
                throw bad(key("expert_group_count"), groups, "0 without " + key("expert_count"));
            }
            if (experts > 0 && groups >= experts) {
                throw bad(key("expert_group_count"), groups, "below " + key("expert_count") + " = " + experts);
            }
            if (groups > 1) {
                if (experts % groups != 0) {
                    throw bad(key("expert_group_count"), groups, "a divisor of " + key("expert_count") + " = "
                            + experts);
                }
                if (groupsUsed < 1 || groupsUsed >= groups) {
                    throw bad(key("expert_group_used_count"), groupsUsed, "1.." + (groups - 1));
                }
            }
        }

        private void heads(int layers, long embd) {
            long[] heads = perLayer(key("attention.head_count"), layers, 0, embd).orElse(new long[layers]);
            long[] kv = perLayer(key("attention.head_count_kv"), layers, 0, embd).orElse(heads);
            long max = java.util.Arrays.stream(heads).max().orElse(0);
            if (max == 0) {
                if (!ATTENTION_FREE.contains(arch)) {
                    throw bad(key("attention.head_count"), f.get(key("attention.head_count")).map(Object::toString)
                            .orElse("absent"), "1.." + embd + " (" + key("embedding_length") + ")");
                }
                return;
            }
            Optional<Long> keyLength = integer(key("attention.key_length"), 1, MAX_U31);
            Optional<Long> valueLength = integer(key("attention.value_length"), 1, MAX_U31);
            if (FULL_ROPE.contains(arch) && valueLength.isPresent()
                    && !valueLength.equals(Optional.of(keyLength.orElse(embd / max)))) {
                throw bad(key("attention.value_length"), valueLength.get(), "the key head size "
                        + keyLength.orElse(embd / max) + " for " + arch);
            }
            if (keyLength.isEmpty() && embd % max != 0) {
                throw bad(key("attention.head_count"), max, "a divisor of " + key("embedding_length") + " = " + embd);
            }
            boolean kvPerLayer = f.get(key("attention.head_count_kv")).map(v -> v.type() == GgufValueType.ARRAY)
                    .orElse(false);
            for (int i = 0; i < layers; i++) {
                if (kv[i] > 0 && (heads[i] == 0 || heads[i] % kv[i] != 0)) {
                    throw bad(key("attention.head_count_kv") + (kvPerLayer ? "[" + i + "]" : ""), kv[i],
                            "a divisor of " + key("attention.head_count") + " = " + heads[i]);
                }
            }
            long headSize = keyLength.orElse(embd / max);
            Optional<Long> rot = integer(key("rope.dimension_count"), 0, headSize);
            if (rot.isPresent() && rot.get() % 2 != 0) {
                throw bad(key("rope.dimension_count"), rot.get(), "an even number up to the head size " + headSize);
            }
            if (rot.isPresent() && FULL_ROPE.contains(arch) && rot.get() != headSize) {
                throw bad(key("rope.dimension_count"), rot.get(), "the head size " + headSize + " for " + arch);
            }
        }

        private void rope() {
            Optional<GgufValue> scaling = f.get(key("rope.scaling.type"));
            if (scaling.isPresent() && !(scaling.get().value() instanceof String s && ROPE_SCALING.contains(s))) {
                throw bad(key("rope.scaling.type"), scaling.get(), String.join(", ", ROPE_SCALING.stream().sorted()
                        .toList()));
            }
            finite(key("rope.freq_base"), true);
            finite(key("rope.scaling.factor"), false);
            finite(key("rope.scale_linear"), false);
        }

        private void vocabulary() {
            Optional<GgufValue> tokens = f.get("tokenizer.ggml.tokens");
            if (tokens.isEmpty()) {
                return;
            }
            if (tokens.get().type() != GgufValueType.ARRAY || tokens.get().elementType() != GgufValueType.STRING
                    || tokens.get().asList().isEmpty()) {
                throw bad("tokenizer.ggml.tokens", tokens.get(), "a non-empty array of strings");
            }
            int n = tokens.get().asList().size();
            for (String k : new String[] {"tokenizer.ggml.scores", "tokenizer.ggml.token_type"}) {
                Optional<GgufValue> v = f.get(k);
                if (v.isPresent() && (v.get().type() != GgufValueType.ARRAY || v.get().asList().size() != n)) {
                    throw bad(k, v.get(), "an array of one entry per token, " + n);
                }
            }
        }
    }
}
