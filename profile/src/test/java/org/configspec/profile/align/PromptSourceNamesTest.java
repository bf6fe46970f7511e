package org.configspec.profile.align;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.configspec.core.error.ConfigSpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a --prompts value names: the built-in sets by name, anything else a file; a Dolly file only with "dolly". */
class PromptSourceNamesTest {
    @TempDir
    Path tmp;

    @Test
    void dollyNamesTheBuiltInCopyWithNoFileAndASeededSample() {
        PromptSource a = PromptSource.named("dolly", null, 12, 42);
        assertThat(a.prompts()).hasSize(12).doesNotHaveDuplicates();
        assertThat(a.description()).startsWith("dolly built-in databricks-dolly-15k").contains("12 sampled with seed 42");
        assertThat(PromptSource.named("dolly", null, 12, 42)).isEqualTo(a);
        assertThat(PromptSource.named("dolly", null, 12, 43).prompts()).isNotEqualTo(a.prompts());
    }

    @Test
    void dollyWithAUsersFileReadsThatFile() throws IOException {
        Path own = Files.write(tmp.resolve("my-dolly.jsonl"), List.of(
                "{\"instruction\": \"Name a colour.\", \"context\": \"\", \"response\": \"red\", \"category\": \"open_qa\"}",
                "{\"instruction\": \"Name a fruit.\", \"context\": \"\", \"response\": \"fig\", \"category\": \"open_qa\"}"));
        PromptSource s = PromptSource.named("dolly", own, 2, 1);
        assertThat(s.prompts()).containsExactlyInAnyOrder("Name a colour.", "Name a fruit.");
        assertThat(s.description()).startsWith("dolly my-dolly.jsonl");
    }

    @Test
    void builtinAndFilesKeepTheirMeaning() throws IOException {
        assertThat(PromptSource.named("builtin", null, 5, 0)).isEqualTo(PromptSource.builtin());
        Path txt = Files.writeString(tmp.resolve("p.txt"), "Once upon a time\n");
        assertThat(PromptSource.named(txt.toString(), null, 5, 0).prompts()).containsExactly("Once upon a time");
    }

    @Test
    void aDollyFileWithAnotherPromptSetIsAnError() {
        assertThatThrownBy(() -> PromptSource.named("builtin", tmp.resolve("d.jsonl"), 5, 0))
                .isInstanceOf(ConfigSpecException.class)
                .hasMessage("a Dolly file (" + tmp.resolve("d.jsonl") + ") was given with --prompts builtin; allowed: a Dolly"
                        + " file only with --prompts dolly");
    }
}
