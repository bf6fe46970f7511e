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
