package org.configspec.profile.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.configspec.core.error.ConfigSpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptFilesTest {
    @TempDir
    Path tmp;

    @Test
    void aTextFileHasOnePromptPerLineWithCommentsAndEscapes() throws IOException {
        Path f = Files.writeString(tmp.resolve("my prompts.txt"), "# comment\nOnce upon a time\n\n  Dear diary,\\nToday \\\\ now  \n");
        assertThat(new TextPromptFile(f).prompts()).containsExactly(
                new Prompt("my_prompts-2", "Once upon a time", "", f.toString()),
                new Prompt("my_prompts-4", "Dear diary,\nToday \\ now", "", f.toString()));
    }

    @Test
    void aTextFileWithABadEscapeOrNoPromptsIsAnError() throws IOException {
        Path f = Files.writeString(tmp.resolve("p.txt"), "fine\nbad \\t here\n");
        assertThatThrownBy(() -> new TextPromptFile(f).prompts()).isInstanceOf(ConfigSpecException.class)
                .hasMessage("prompt file " + f + " line 2: unknown escape '\\t' at column 5; allowed: \\n (line break), \\\\ (backslash)");
        Path empty = Files.writeString(tmp.resolve("e.txt"), "# only a comment\n\n");
        assertThatThrownBy(() -> new TextPromptFile(empty).prompts()).hasMessageContaining("no prompts");
        Path binary = Files.write(tmp.resolve("b.txt"), new byte[] {'o', 'k', '\n', (byte) 0xff, (byte) 0xfe, '\n'});
        assertThatThrownBy(() -> new TextPromptFile(binary).prompts()).hasMessageContaining("line 2: not valid UTF-8");
    }

    @Test
    void aJsonlFileTakesPromptOrTextAndOptionalIdAndCategory() throws IOException {
        Path f = Files.write(tmp.resolve("p.jsonl"), List.of("{\"prompt\": \"A\"}", "", "{\"text\": \"B\", \"id\": \"b\", \"category\": \"story\"}"));
        assertThat(new JsonlPromptFile(f).prompts()).containsExactly(new Prompt("p-1", "A", "", f.toString()),
                new Prompt("b", "B", "story", f.toString()));
    }

    @Test
    void aJsonlFileWithBadLinesNamesTheLine() throws IOException {
        Path both = Files.write(tmp.resolve("both.jsonl"), List.of("{\"prompt\": \"A\"}", "{\"prompt\": \"A\", \"text\": \"B\"}"));
        assertThatThrownBy(() -> new JsonlPromptFile(both).prompts())
                .hasMessage("prompt file " + both + " line 2: needs exactly one of \"prompt\" or \"text\", got both");
        Path number = Files.write(tmp.resolve("n.jsonl"), List.of("{\"prompt\": 3}"));
        assertThatThrownBy(() -> new JsonlPromptFile(number).prompts()).hasMessageContaining("line 1: field \"prompt\" must be a string, got 3");
        Path dup = Files.write(tmp.resolve("d.jsonl"), List.of("{\"prompt\": \"A\", \"id\": \"x\"}", "{\"prompt\": \"B\", \"id\": \"x\"}"));
        assertThatThrownBy(() -> new JsonlPromptFile(dup).prompts()).hasMessageContaining("line 2: duplicate id \"x\"");
        Path blank = Files.write(tmp.resolve("blank.jsonl"), List.of("{\"text\": \"  \"}"));
        assertThatThrownBy(() -> new JsonlPromptFile(blank).prompts()).hasMessageContaining("line 1:").hasMessageContaining("text is empty");
        Path array = Files.write(tmp.resolve("a.jsonl"), List.of("[1]"));
        assertThatThrownBy(() -> new JsonlPromptFile(array).prompts()).hasMessageContaining("line 1: expected a JSON object, got ARRAY");
    }

    @Test
    void theBuiltInTinyStoriesSetHasFortyDistinctStoryOpenings() {
        List<Prompt> p = BuiltinPrompts.tinyStories().prompts();
        assertThat(p).hasSize(40);
        assertThat(p.get(0).text()).isEqualTo("Once upon a time");
        assertThat(p).extracting(Prompt::id).doesNotHaveDuplicates().allMatch(id -> id.startsWith("tinystories-"));
        assertThat(p).extracting(Prompt::text).doesNotHaveDuplicates();
        assertThatThrownBy(() -> new BuiltinPrompts("poems")).hasMessageContaining("allowed: tinystories");
    }
}
