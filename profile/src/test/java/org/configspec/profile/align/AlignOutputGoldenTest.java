package org.configspec.profile.align;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Locks the machine-readable output (JSON) and the table of a fixed, hand-made profile. To accept an intended change,
 * run with -Dgolden.update=true and review the diff of src/test/resources/.../align-golden.json.
 */
class AlignOutputGoldenTest {
    static AlignResult fixed() {
        int[] t = {10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21};
        Alignment a = new Alignment(t, new int[] {10, 11, 12, 0, 14, 15, 0, 17, 18, 19, 0, 21},
                new double[] {0.9, 0.8, 0.9, 0.1, 0.7, 0.9, 0.2, 0.95, 0.9, 0.85, 0.3, 0.9});
        Alignment b = new Alignment(t, new int[] {10, 0, 12, 13, 14, 15, 16, 0, 18, 0, 20, 21},
                new double[] {0.8, 0.2, 0.9, 0.9, 0.9, 0.8, 0.9, 0.1, 0.9, 0.3, 0.9, 0.9});
        ModelRef target = new ModelRef("target", "/models/target.gguf", "a".repeat(64), "F32", 1000, 6);
        ModelRef draft = new ModelRef("draft", "/models/draft.gguf", "b".repeat(64), "Q8_0", 800, 5);
        Bootstrap bootstrap = Bootstrap.defaults(42);
        DraftAcceptance d = new DraftAcceptance(draft, AcceptanceStatistics.of(List.of(a, b), 3, bootstrap));
        Provenance p = new Provenance(Provenance.TOOL, "2026-01-01T00:00:00Z", target, 1, 42, "golden", 2, 12, 3,
                "greedy + sampling", "hand-made", "bootstrap / Wilson", "all 2 prompts used");
        return new AlignResult(p, List.of(d));
    }

    @Test
    void jsonOutputIsLocked() throws IOException {
        String json = AlignJson.render(fixed());
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(Path.of("src/test/resources/org/configspec/profile/align/align-golden.json"), json);
        }
        try (InputStream in = getClass().getResourceAsStream("align-golden.json")) {
            assertThat(json).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void tableShowsEveryFigureWithItsAggregationAndN() {
        String table = AlignTable.render(fixed());
        assertThat(table).contains("per prompt then mean over prompts", "[tokens/round]", "bootstrap / Wilson",
                "draft draft (Q8_0, 5 blocks, sha256 bbbbbbbbbbbb…)", "expected alpha (sampling)",
                "per-position acceptance P(L>=i) at K=3", "accepted length L at K=3 [rounds]:");
    }
}
