package org.configspec.llm.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.configspec.llm.NeedsLlama;
import org.configspec.llm.TestModels;
import org.configspec.llm.engine.ContextOptions;
import org.configspec.llm.engine.Generator;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.llm.engine.LlamaSession;
import org.configspec.llm.gguf.GgmlType;
import org.configspec.llm.gguf.GgufFile;
import org.configspec.llm.gguf.GgufReader;
import org.configspec.llm.model.DefaultModel;
import org.configspec.llm.model.ModelInfo;
import org.configspec.llm.model.ModelInspector;
import org.configspec.llm.model.ModelStore;
import org.configspec.llm.sampling.Sampler;
import org.configspec.llm.sampling.SamplingParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@NeedsLlama
class ConverterTest {
    @TempDir
    Path tmp;

    @Test
    void convertedF32GgufHasLlamaMetadataAndGivesTheExpectedGreedyText() {
        ModelStore store = TestModels.store();
        store.verifySource();
        Path out = tmp.resolve("s.gguf");
        Llama2cConverter.convert(store.dir().resolve(ModelStore.CHECKPOINT), store.dir().resolve(ModelStore.TOKENIZER),
                out, "stories15M");
        GgufFile f = GgufReader.read(out);
        assertThat(f.architecture()).contains("llama");
        assertThat(f.getLong("llama.block_count")).contains(6L);
        assertThat(f.getLong("llama.context_length")).contains(256L);
        assertThat(f.getLong("llama.rope.dimension_count")).contains(48L);
        assertThat(f.tensor("blk.0.attn_q.weight").orElseThrow().dims()).containsExactly(288, 288);
        assertThat(f.tensor("blk.0.ffn_gate.weight").orElseThrow().dims()).containsExactly(288, 768);
        assertThat(f.tensor("blk.0.ffn_down.weight").orElseThrow().dims()).containsExactly(768, 288);
        assertThat(f.tensor("output.weight").orElseThrow().type()).isEqualTo(GgmlType.F32);
        java.util.List<Object> tokens = new java.util.ArrayList<>(f.get("tokenizer.ggml.tokens").orElseThrow().asList());
        assertThat(tokens).hasSize(32000);
        assertThat(tokens.subList(0, 4)).containsExactly((Object) "<unk>", "<s>", "</s>", "<0x00>");
        assertThat(tokens.get(9038)).isEqualTo("\u2581Once");

        ModelInfo info = ModelInspector.inspect(out);
        assertThat(info.fileType()).isEqualTo("F32");
        assertThat(info.parameterCount()).isEqualTo(15_191_712L + 288 * 32000);
        assertThat(info.vocabSize()).isEqualTo(32000);

        try (LlamaModel m = LlamaModel.load(out);
             LlamaSession s = m.newSession(ContextOptions.defaults().withThreads(TestModels.THREADS))) {
            assertThat(m.tokenize(TestModels.ONCE, true)).containsExactly(1, 9038, 2501, 263, 931);
            Generator.Result r = Generator.generate(s, m.tokenize(TestModels.ONCE, true), 32,
                    new Sampler(SamplingParams.greedy()), null);
            assertThat(m.detokenizeToString(r.tokens())).isEqualTo(TestModels.EXPECTED_GREEDY);
        }
    }

    @Test
    void truncatedDraftKeepsTheFirstBlocks() {
        GgufFile f = GgufReader.read(TestModels.path(DefaultModel.STORIES15M_Q8_0_L4));
        assertThat(f.getLong("llama.block_count")).contains(4L);
        assertThat(f.tensor("blk.3.attn_q.weight")).isPresent();
        assertThat(f.tensor("blk.4.attn_q.weight")).isEmpty();
        assertThat(f.tensor("output.weight")).isPresent();
        assertThat(ModelInspector.fileType(f)).isEqualTo("Q8_0");
    }
}
