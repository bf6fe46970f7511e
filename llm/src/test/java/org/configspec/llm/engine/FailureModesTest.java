package org.configspec.llm.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.configspec.llm.LlmException;
import org.configspec.llm.NeedsLlama;
import org.configspec.llm.TestModels;
import org.configspec.llm.gguf.GgufException;
import org.configspec.llm.gguf.GgufFile;
import org.configspec.llm.gguf.GgufReader;
import org.configspec.llm.gguf.GgufValue;
import org.configspec.llm.gguf.GgufWriter;
import org.configspec.llm.model.DefaultModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad inputs give one clear line and never reach (or crash) native code. */
class FailureModesTest {
    @TempDir
    Path tmp;

    private static void oneLine(Throwable e) {
        assertThat(e.getMessage()).doesNotContain("\n").isNotBlank();
    }

    @Test
    void nonGgufFileIsRefusedInJava() throws IOException {
        Path f = tmp.resolve("notes.gguf");
        Files.writeString(f, "this is not a model, just some text long enough to have a header");
        assertThatThrownBy(() -> LlamaModel.load(f)).isInstanceOf(GgufException.class)
                .hasMessageContaining("not a GGUF file").satisfies(FailureModesTest::oneLine);
    }

    @Test
    void missingFileIsRefused() {
        assertThatThrownBy(() -> LlamaModel.load(tmp.resolve("absent.gguf"))).isInstanceOf(GgufException.class)
                .hasMessageContaining("does not exist");
    }

    @NeedsLlama
    @Test
    void truncatedGgufIsRefusedInJava() throws IOException {
        Path src = TestModels.path(DefaultModel.STORIES15M_Q8_0);
        for (long cut : new long[] {10, 2_000, 700_000, Files.size(src) - 1000}) {
            Path f = tmp.resolve("cut" + cut + ".gguf");
            try (var in = Files.newInputStream(src); var out = Files.newOutputStream(f)) {
                out.write(in.readNBytes((int) cut));
            }
            assertThatThrownBy(() -> LlamaModel.load(f)).as("cut at %d", cut).isInstanceOf(GgufException.class)
                    .hasMessageContaining("invalid GGUF file").satisfies(FailureModesTest::oneLine);
        }
    }

    @NeedsLlama
    @Test
    void corruptHeaderIsRefusedInJava() throws IOException {
        Path src = TestModels.path(DefaultModel.STORIES15M_Q4_0);
        byte[] head = new byte[1 << 20];
        try (var in = Files.newInputStream(src)) {
            in.readNBytes(head, 0, head.length);
        }
        // version 7
        Path v = tmp.resolve("version.gguf");
        byte[] b = head.clone();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 7);
        Files.write(v, b);
        assertThatThrownBy(() -> LlamaModel.load(v)).hasMessageContaining("GGUF version 7 is not supported");
        // absurd metadata count
        Path c = tmp.resolve("count.gguf");
        b = head.clone();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(16, Long.MAX_VALUE);
        Files.write(c, b);
        assertThatThrownBy(() -> LlamaModel.load(c)).isInstanceOf(GgufException.class)
                .satisfies(FailureModesTest::oneLine);
        // garbage inside the metadata (a string length overwritten)
        Path g = tmp.resolve("garbage.gguf");
        b = head.clone();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putLong(24, 0x7fff_ffff_ffffL);
        Files.write(g, b);
        assertThatThrownBy(() -> LlamaModel.load(g)).isInstanceOf(GgufException.class)
                .hasMessageContaining("metadata key 0").satisfies(FailureModesTest::oneLine);
    }

    @NeedsLlama
    @Test
    void unknownArchitectureIsRefusedInJava() throws IOException {
        GgufFile f = GgufReader.read(TestModels.path(DefaultModel.STORIES15M_Q4_0));
        Map<String, GgufValue> meta = new LinkedHashMap<>(f.metadata());
        meta.put("general.architecture", GgufValue.string("llama9000"));
        Path out = tmp.resolve("arch.gguf");
        GgufWriter.write(out, meta, GgufWriter.tensorsOf(f));
        assertThatThrownBy(() -> LlamaModel.load(out)).isInstanceOf(GgufException.class)
                .hasMessageContaining("unsupported model architecture 'llama9000'")
                .satisfies(FailureModesTest::oneLine);
    }

    /** A copy of the Q4_0 default model with one metadata value replaced (null removes the key). */
    private Path withMetadata(String name, String key, GgufValue value) throws IOException {
        GgufFile f = GgufReader.read(TestModels.path(DefaultModel.STORIES15M_Q4_0));
        Map<String, GgufValue> meta = new LinkedHashMap<>(f.metadata());
        if (value == null) {
            meta.remove(key);
        } else {
            meta.put(key, value);
        }
        Path out = tmp.resolve(name + ".gguf");
        GgufWriter.write(out, meta, GgufWriter.tensorsOf(f));
        return out;
    }

    @NeedsLlama
    @Test
    void hyperParametersLlamaCppAssertsOnAreRefusedInJavaBeforeItLoadsTheFile() throws IOException {
        Object[][] cases = {
            {"llama.block_count", GgufValue.uint32(0), "llama.block_count = 0 (allowed: 1..512)"},
            {"llama.block_count", GgufValue.uint32(Integer.MAX_VALUE), "llama.block_count = 2147483647 (allowed: 1..512)"},
            {"llama.block_count", GgufValue.uint32(513), "(allowed: 1..512)"},
            {"llama.context_length", GgufValue.uint32(0), "llama.context_length = 0"},
            {"llama.embedding_length", GgufValue.uint32(0), "llama.embedding_length = 0"},
            {"llama.attention.head_count", GgufValue.uint32(0), "llama.attention.head_count = 0"},
            {"llama.attention.head_count", GgufValue.uint32(5), "a divisor of llama.embedding_length = 288"},
            {"llama.attention.head_count", GgufValue.uint32(100_000), "llama.attention.head_count = 100000"},
            {"llama.attention.head_count_kv", GgufValue.uint32(4), "a divisor of llama.attention.head_count = 6"},
            {"llama.attention.head_count", GgufValue.array(org.configspec.llm.gguf.GgufValueType.FLOAT32,
                    java.util.List.of(6.0, 6.0, 6.0, 6.0, 6.0, 6.0)), "one UINT32 per layer"},
            {"llama.attention.head_count", GgufValue.array(org.configspec.llm.gguf.GgufValueType.UINT32,
                    java.util.List.of(6L, 6L)), "one entry per layer, 6"},
            {"llama.rope.dimension_count", GgufValue.uint32(47), "llama.rope.dimension_count = 47"},
            {"llama.rope.dimension_count", GgufValue.uint32(24), "the head size 48"},
            {"llama.rope.scaling.type", GgufValue.string("cubic"), "llama.rope.scaling.type = cubic"},
            {"llama.attention.value_length", GgufValue.uint32(32), "the key head size 48 for llama"},
            {"llama.expert_count", GgufValue.uint32(2000), "llama.expert_count = 2000 (allowed: 0..1024)"},
            {"llama.expert_used_count", GgufValue.uint32(2), "0 without llama.expert_count"},
            {"llama.feed_forward_length", GgufValue.string("wide"), "llama.feed_forward_length = wide"},
            {"llama.attention.layer_norm_rms_epsilon", GgufValue.float32(Double.NaN), "a finite number"},
            {"tokenizer.ggml.scores", GgufValue.array(org.configspec.llm.gguf.GgufValueType.FLOAT32,
                    java.util.List.of(0.0)), "one entry per token, 32000"},
            {"llama.context_length", null, "no llama.context_length"},
        };
        int i = 0;
        for (Object[] c : cases) {
            Path bad = withMetadata("hp" + i++, (String) c[0], (GgufValue) c[1]);
            assertThatThrownBy(() -> LlamaModel.load(bad)).as("%s = %s", c[0], c[1])
                    .isInstanceOf(GgufException.class)
                    .hasMessageContaining("invalid model " + bad)
                    .hasMessageContaining((String) c[2]).satisfies(FailureModesTest::oneLine);
        }
        // the untouched copy loads: the checks accept the real model
        try (LlamaModel ok = LlamaModel.load(withMetadata("same", "general.name", GgufValue.string("copy")))) {
            assertThat(ok.vocabSize()).isEqualTo(32000);
        }
    }

    @NeedsLlama
    @Test
    void nanWeightsFailWithOneLineInsteadOfGeneratingEmptyText() throws IOException {
        GgufFile f = GgufReader.read(TestModels.path(DefaultModel.STORIES15M_F32));
        java.util.List<GgufWriter.Tensor> tensors = new java.util.ArrayList<>();
        for (GgufWriter.Tensor t : GgufWriter.tensorsOf(f)) {
            if (t.name().equals("output_norm.weight")) {
                ByteBuffer nan = ByteBuffer.allocate((int) t.data().size()).order(ByteOrder.LITTLE_ENDIAN);
                while (nan.hasRemaining()) {
                    nan.putFloat(Float.NaN);
                }
                t = new GgufWriter.Tensor(t.name(), t.dims(), t.type(), org.configspec.llm.gguf.TensorData.of(nan.flip()));
            }
            tensors.add(t);
        }
        Path out = tmp.resolve("nan.gguf");
        GgufWriter.write(out, f.metadata(), tensors);
        try (LlamaModel m = LlamaModel.load(out);
             LlamaSession s = m.newSession(ContextOptions.defaults().withThreads(TestModels.THREADS))) {
            int[] prompt = m.tokenize(TestModels.ONCE, true);
            for (org.configspec.llm.sampling.SamplingParams p : new org.configspec.llm.sampling.SamplingParams[] {
                org.configspec.llm.sampling.SamplingParams.greedy(),
                new org.configspec.llm.sampling.SamplingParams(0.8, 40, 0.95, 1)}) {
                s.clear();
                assertThatThrownBy(() -> Generator.generate(s, prompt, 8,
                        new org.configspec.llm.sampling.Sampler(p), null)).as("%s", p)
                        .isInstanceOf(LlmException.class)
                        .hasMessage("model " + out + " produced NaN logits (batch index 4): its weights contain NaN"
                                + " or the computation overflowed; the model cannot generate");
            }
        }
    }

    @NeedsLlama
    @Test
    void llamaCppsRefusalIsOneLineWithItsReasonAndItsLogStaysSilent() throws IOException {
        GgufFile f = GgufReader.read(TestModels.path(DefaultModel.STORIES15M_Q4_0));
        Path out = tmp.resolve("notensor.gguf");
        GgufWriter.write(out, f.metadata(), GgufWriter.tensorsOf(f).stream()
                .filter(t -> !t.name().equals("blk.0.attn_q.weight")).toList());
        java.util.List<java.util.logging.LogRecord> shown = new java.util.ArrayList<>();
        java.util.logging.Handler h = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                if (isLoggable(r) && java.util.logging.Logger.getLogger(LlamaLogBridge.LOGGER_NAME).isLoggable(r.getLevel())) {
                    shown.add(r);
                }
            }

            @Override
            public void flush() { }

            @Override
            public void close() { }
        };
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(LlamaLogBridge.LOGGER_NAME);
        logger.addHandler(h);
        try {
            LlamaRuntime.get();
            assertThatThrownBy(() -> LlamaModel.load(out)).isInstanceOf(LlmException.class)
                    .hasMessageStartingWith("llama.cpp could not load model " + out + " (architecture llama): ")
                    .hasMessageContaining("blk.0.attn_q.weight").satisfies(FailureModesTest::oneLine);
        } finally {
            logger.removeHandler(h);
        }
        assertThat(shown).as("llama.cpp log records shown without CONFIGSPEC_DEBUG").isEmpty();
    }

    @Test
    void missingLibraryDirectoryIsReported() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("nolib"));
        assertThatThrownBy(() -> LibraryLocator.findIn(empty, "test")).isInstanceOf(LlmException.class)
                .hasMessageContaining("no libllama*.so in " + empty).satisfies(FailureModesTest::oneLine);
        assertThatThrownBy(() -> LlamaRuntime.load(empty.resolve("libllama.so"))).isInstanceOf(LlmException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void aConfiguredLibraryDirectoryThatDoesNotExistIsReported() {
        String old = System.getProperty(LibraryLocator.PROPERTY);
        try {
            System.setProperty(LibraryLocator.PROPERTY, tmp.resolve("absent").toString());
            assertThatThrownBy(LibraryLocator::locate).isInstanceOf(LlmException.class)
                    .hasMessageContaining(tmp.resolve("absent") + " (from configspec.llama.lib/CONFIGSPEC_LLAMA_LIB)"
                            + " does not exist").satisfies(FailureModesTest::oneLine);
        } finally {
            if (old == null) {
                System.clearProperty(LibraryLocator.PROPERTY);
            } else {
                System.setProperty(LibraryLocator.PROPERTY, old);
            }
        }
    }

    @Test
    void aFileThatIsNotALibraryIsRefused() throws IOException {
        Path fake = tmp.resolve("libllama.so");
        Files.writeString(fake, "not an ELF file");
        assertThatThrownBy(() -> LlamaRuntime.load(fake)).isInstanceOf(LlmException.class)
                .hasMessageStartingWith("cannot load llama.cpp library " + fake)
                .satisfies(FailureModesTest::oneLine);
    }

    @NeedsLlama
    @Test
    void aLibraryWithoutTheLlamaApiIsRefused() throws IOException {
        Path real = LlamaRuntime.get().libraryFile().getParent().resolve("libggml-base.so");
        Path dir = Files.createDirectories(tmp.resolve("wrong"));
        Path wrong = Files.copy(real, dir.resolve("libllama.so"));
        assertThatThrownBy(() -> LlamaRuntime.load(LibraryLocator.findIn(dir, "test")))
                .isInstanceOf(LlmException.class)
                .hasMessageContaining("refusing llama.cpp library " + wrong)
                .hasMessageContaining("missing").satisfies(FailureModesTest::oneLine);
    }

    @NeedsLlama
    @Test
    void runtimeReportsItsLibraryAndVersion() {
        LlamaRuntime rt = LlamaRuntime.get();
        assertThat(rt.version()).startsWith("0.4.0");
        assertThat(rt.describe()).contains(rt.libraryFile().toString()).contains(rt.version());
        System.out.println("runtime: " + rt.describe());
    }
}
