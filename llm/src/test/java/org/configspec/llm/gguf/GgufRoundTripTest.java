package org.configspec.llm.gguf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.configspec.llm.NeedsLlama;
import org.configspec.llm.TestModels;
import org.configspec.llm.model.DefaultModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufRoundTripTest {
    @TempDir
    Path tmp;

    @Test
    void everyValueTypeAndTensorSurvivesWriteThenRead() throws IOException {
        Map<String, GgufValue> meta = new LinkedHashMap<>();
        meta.put("general.architecture", GgufValue.string("llama"));
        meta.put("u8", GgufValue.of(GgufValueType.UINT8, 200L));
        meta.put("i8", GgufValue.of(GgufValueType.INT8, -5L));
        meta.put("u16", GgufValue.of(GgufValueType.UINT16, 65000L));
        meta.put("i16", GgufValue.of(GgufValueType.INT16, -30000L));
        meta.put("u32", GgufValue.uint32(4_000_000_000L));
        meta.put("i32", GgufValue.of(GgufValueType.INT32, -7L));
        meta.put("u64", GgufValue.of(GgufValueType.UINT64, 1L << 40));
        meta.put("i64", GgufValue.of(GgufValueType.INT64, -(1L << 40)));
        meta.put("f32", GgufValue.float32(0.5));
        meta.put("f64", GgufValue.of(GgufValueType.FLOAT64, Math.PI));
        meta.put("bool", GgufValue.bool(true));
        meta.put("str", GgufValue.string("h\u00e9llo \u2581w\u00f6rld"));
        meta.put("arr.str", GgufValue.array(GgufValueType.STRING, List.of("a", "", "\u2581b")));
        meta.put("arr.i32", GgufValue.array(GgufValueType.INT32, List.of(1L, -2L, 3L)));
        meta.put("arr.f32", GgufValue.array(GgufValueType.FLOAT32, List.of(1.5, -2.25)));
        ByteBuffer a = ByteBuffer.allocate(4 * 3 * 2).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 6; i++) {
            a.putFloat(i * 1.5f);
        }
        a.flip();
        ByteBuffer q = ByteBuffer.allocate(34 * 2);
        q.put(5, (byte) 7);
        List<GgufWriter.Tensor> tensors = List.of(
                new GgufWriter.Tensor("a", new long[] {3, 2}, GgmlType.F32, TensorData.of(a)),
                new GgufWriter.Tensor("q", new long[] {32, 2}, GgmlType.Q8_0, TensorData.of(q)));
        Path f = tmp.resolve("t.gguf");
        GgufWriter.write(f, meta, tensors);

        GgufFile r = GgufReader.read(f);
        assertThat(r.version()).isEqualTo(3);
        assertThat(r.metadata()).isEqualTo(meta);
        assertThat(r.tensors()).extracting(GgufTensorInfo::name).containsExactly("a", "q");
        assertThat(r.tensor("a").orElseThrow().dims()).containsExactly(3, 2);
        assertThat(r.tensor("q").orElseThrow().type()).isEqualTo(GgmlType.Q8_0);
        assertThat(r.dataOffset() % 32).isZero();
        assertThat(r.tensor("q").orElseThrow().offset() % 32).isZero();
        byte[] bytes = Files.readAllBytes(f);
        assertThat(ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .getFloat((int) r.absoluteOffset(r.tensor("a").get()) + 4 * 5))
                .isEqualTo(7.5f);
        assertThat(bytes[(int) r.absoluteOffset(r.tensor("q").get()) + 5]).isEqualTo((byte) 7);

        // rewriting what was read gives the same bytes
        Path g = tmp.resolve("u.gguf");
        GgufWriter.write(g, r.metadata(), GgufWriter.tensorsOf(r));
        assertThat(Files.readAllBytes(g)).isEqualTo(bytes);
    }

    @NeedsLlama
    @Test
    void rewritingARealModelIsByteIdentical() throws IOException {
        Path src = TestModels.path(DefaultModel.STORIES15M_Q8_0);
        GgufFile f = GgufReader.read(src);
        assertThat(f.tensors()).hasSize(3 + 6 * 9);
        Path out = tmp.resolve("copy.gguf");
        GgufWriter.write(out, f.metadata(), GgufWriter.tensorsOf(f));
        assertThat(Files.mismatch(src, out)).isEqualTo(-1L);
    }
}
