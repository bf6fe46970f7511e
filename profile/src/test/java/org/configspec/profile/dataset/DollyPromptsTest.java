package org.configspec.profile.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.configspec.core.error.ConfigSpecException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DollyPromptsTest {
    private static List<Prompt> all;

    @TempDir
    Path tmp;

    @BeforeAll
    static void readTheBuiltInCopy() {
        all = DollyPrompts.all(DollyFile.builtin()).prompts();
    }

    @Test
    void readsEveryRecordOfTheBuiltInDeduplicatedCopy() {
        assertThat(all).hasSize(15_003);
        Map<String, Long> byCategory = all.stream().collect(Collectors.groupingBy(Prompt::category, Collectors.counting()));
        assertThat(byCategory).containsEntry("open_qa", 3739L).containsEntry("closed_qa", 1769L)
                .containsEntry("creative_writing", 709L).hasSize(8);
        assertThat(all.get(0)).isEqualTo(new Prompt("dolly-1", "What are some common mushrooms used in cooking?",
                "brainstorming", "built-in:dolly"));
        assertThat(all.stream().map(Prompt::id).distinct().count()).isEqualTo(15_003);
    }

    @Test
    void aSeededSampleIsDeterministicWithoutReplacementAndFromTheChosenCategories() {
        DollyFile file = DollyFile.builtin();
        var a = new DollyPrompts(file, Set.of("closed_qa", "summarization"), 40, 42, null).prompts();
        var b = new DollyPrompts(file, Set.of("summarization", "closed_qa"), 40, 42, null).prompts();
        var c = new DollyPrompts(file, Set.of("closed_qa", "summarization"), 40, 43, null).prompts();
        assertThat(a).hasSize(40).isEqualTo(b).isNotEqualTo(c);
        assertThat(a).extracting(Prompt::id).doesNotHaveDuplicates();
        assertThat(a).extracting(Prompt::category).containsOnly("closed_qa", "summarization");
        var more = new DollyPrompts(file, Set.of("closed_qa", "summarization"), 60, 42, null).prompts();
        assertThat(more.subList(0, 40)).isEqualTo(a);
    }

    @Test
    void contextGoesAfterTheInstructionByDefaultAndTemplatesAreApplied() {
        Prompt p = all.stream().filter(x -> x.category().equals("closed_qa")).findFirst().orElseThrow();
        assertThat(p.text()).contains("\n\n");
        Path f = write("one.jsonl", "{\"instruction\": \"Summarise.\", \"context\": \"Cats sleep a lot.\", \"response\": \"\", \"category\": \"summarization\"}",
                "{\"instruction\": \"Name a colour.\", \"context\": \"\", \"response\": \"red\", \"category\": \"open_qa\"}");
        var custom = new DollyPrompts(DollyFile.of(f), Set.of(), 0, 0, PromptTemplate.of("Q: {instruction}\nText: {context}\nA:")).prompts();
        assertThat(custom).extracting(Prompt::text).containsExactly("Q: Summarise.\nText: Cats sleep a lot.\nA:", "Q: Name a colour.\nA:");
        assertThat(DollyPrompts.all(DollyFile.of(f)).prompts()).extracting(Prompt::text)
                .containsExactly("Summarise.\n\nCats sleep a lot.", "Name a colour.");
        assertThatThrownBy(() -> PromptTemplate.of("{question}")).isInstanceOf(ConfigSpecException.class)
                .hasMessageContaining("{instruction}");
        assertThatThrownBy(() -> PromptTemplate.of("{instruction} {foo}")).hasMessageContaining("{foo}");
    }

    @Test
    void badFilesGiveOneLineErrorsWithFileAndLine() {
        Path f = write("bad.jsonl", "{\"instruction\": \"ok\", \"category\": \"open_qa\"}", "", "{\"instruction\": \"ok\" \"x\"}");
        assertThatThrownBy(() -> DollyPrompts.all(DollyFile.of(f)).prompts()).isInstanceOf(ConfigSpecException.class)
                .hasMessageStartingWith("dolly " + f + " line 3: malformed JSON").hasMessageNotContaining("\n");
        Path g = write("missing.jsonl", "{\"context\": \"c\", \"category\": \"open_qa\"}");
        assertThatThrownBy(() -> DollyPrompts.all(DollyFile.of(g)).prompts()).hasMessage("dolly " + g + " line 1: field \"instruction\" is missing");
        assertThatThrownBy(() -> DollyPrompts.all(DollyFile.of(tmp.resolve("nope.jsonl"))).prompts()).hasMessageContaining("no such file");
        assertThatThrownBy(() -> new DollyPrompts(DollyFile.of(g), Set.of("poetry"), 0, 0, null)).hasMessageContaining("'poetry'")
                .hasMessageContaining("closed_qa");
        assertThatThrownBy(() -> new DollyPrompts(DollyFile.builtin(), Set.of("creative_writing"), 710, 1, null).prompts())
                .hasMessageContaining("cannot sample 710").hasMessageContaining("1..709");
    }

    @Test
    void aUsersOwnCopyPlainOrGzippedReadsLikeTheBuiltInOne() throws java.io.IOException {
        List<String> lines;
        try (var in = new java.util.zip.GZIPInputStream(DollyPrompts.class.getResourceAsStream(DollyFile.BuiltIn.RESOURCE))) {
            lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().limit(300).toList();
        }
        Path plain = Files.write(tmp.resolve("dolly-head.jsonl"), lines);
        Path gz = tmp.resolve("dolly-head.jsonl.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(plain, out);
        }
        var fromPlain = DollyPrompts.sample(DollyFile.of(plain), 20, 7).prompts();
        var fromGz = DollyPrompts.sample(DollyFile.of(gz), 20, 7).prompts();
        assertThat(fromGz).extracting(Prompt::text).isEqualTo(fromPlain.stream().map(Prompt::text).toList());
        assertThat(fromGz).extracting(Prompt::source).containsOnly(gz.toString());
        assertThat(all.subList(0, 300)).extracting(Prompt::text)
                .isEqualTo(DollyPrompts.all(DollyFile.of(gz)).prompts().stream().map(Prompt::text).toList());
        Path notGzip = Files.write(tmp.resolve("plain-named.jsonl.gz"), lines.subList(0, 3));
        assertThatThrownBy(() -> DollyPrompts.all(DollyFile.of(notGzip)).prompts()).isInstanceOf(ConfigSpecException.class)
                .hasMessageStartingWith("dolly " + notGzip + ": cannot read").hasMessageNotContaining("\n");
    }

    private Path write(String name, String... lines) {
        try {
            return Files.write(tmp.resolve(name), List.of(lines));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
