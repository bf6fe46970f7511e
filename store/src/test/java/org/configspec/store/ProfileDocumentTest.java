package org.configspec.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.configspec.core.error.ConfigSpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileDocumentTest {
    private static final Instant T0 = Instant.parse("2026-11-28T12:00:00.123456Z");

    @TempDir
    Path tmp;

    @Test
    void contentDerivedIdsIgnoreKeyOrderWhitespaceAndTime() {
        var a = ProfileDocument.of("power", ProfileKeys.NONE, CanonicalJson.parse("{\"b\": 1, \"a\": [1, {\"y\": 2, \"x\": 1}]}", "t"), T0);
        var b = ProfileDocument.of("power", ProfileKeys.NONE, CanonicalJson.parse("{\"a\":[1,{\"x\":1,\"y\":2}],\"b\":1}", "t"), T0.plusSeconds(5));
        assertThat(a.id()).isEqualTo(b.id()).matches("power-[0-9a-f]{20}");
        assertThat(a.document()).isEqualTo("{\"a\":[1,{\"x\":1,\"y\":2}],\"b\":1}");
        assertThat(a.created()).isEqualTo(Instant.parse("2026-11-28T12:00:00.123Z"));
        var other = ProfileDocument.of("power", new ProfileKeys("RPi 5", null, null, null), a.tree(), T0);
        assertThat(other.id()).isNotEqualTo(a.id());
    }

    @Test
    void badIdsKindsAndDocumentsAreRefusedWithTheValue() {
        assertThatThrownBy(() -> new ProfileDocument("a b", "run", null, T0, "{}")).isInstanceOf(ConfigSpecException.class)
                .hasMessageContaining("'a b'").hasMessageContaining("1..64");
        assertThatThrownBy(() -> new ProfileDocument("x", "Draft", null, T0, "{}")).hasMessageContaining("kind 'Draft'");
        assertThatThrownBy(() -> new ProfileDocument("x", "run", null, T0, "[1]")).hasMessageContaining("must be a JSON object, got ARRAY");
        assertThatThrownBy(() -> new ProfileDocument("x", "run", null, T0, "{\"a\":")).hasMessageContaining("profile x: malformed JSON");
        assertThatThrownBy(() -> new ProfileKeys("d".repeat(300), null, null, null)).hasMessageContaining("at most 256");
    }

    @Test
    void importRefusesFilesWithoutTheHeaderOrWithBadLinesNamingTheLine() throws Exception {
        Path noHeader = Files.write(tmp.resolve("a.jsonl"), List.of("{\"id\":\"x\"}"));
        assertThatThrownBy(() -> JsonLines.read(noHeader)).hasMessageStartingWith("import " + noHeader + " line 1: expected the header");
        Path badLine = Files.write(tmp.resolve("b.jsonl"), List.of("{\"format\":\"configspec-store-export\",\"version\":1}", "",
                "{\"id\":\"x\",\"kind\":\"run\",\"created\":\"yesterday\",\"document\":{}}"));
        assertThatThrownBy(() -> JsonLines.read(badLine)).hasMessageStartingWith("import " + badLine + " line 3: field \"created\"")
                .hasMessageContaining("yesterday");
        Path badId = Files.write(tmp.resolve("c.jsonl"), List.of("{\"format\":\"configspec-store-export\",\"version\":1}",
                "{\"id\":\"x y\",\"kind\":\"run\",\"created\":\"2026-11-28T12:00:00Z\",\"document\":{}}"));
        assertThatThrownBy(() -> JsonLines.read(badId)).hasMessageStartingWith("import " + badId + " line 2: profile id 'x y'");
        Path empty = Files.write(tmp.resolve("d.jsonl"), List.of());
        assertThatThrownBy(() -> JsonLines.read(empty)).hasMessageContaining("the file is empty");
    }

    @Test
    void aDirectoryOrANonDatabaseFileIsNotAStore() throws Exception {
        assertThatThrownBy(() -> ProfileStores.open(tmp.toString())).isInstanceOf(ConfigSpecException.class)
                .hasMessageContaining("is a directory");
        Path junk = Files.writeString(tmp.resolve("junk.db"), "this is not a database, just some text that is long enough".repeat(20));
        assertThatThrownBy(() -> ProfileStores.open(junk.toString())).isInstanceOf(ConfigSpecException.class)
                .hasMessageStartingWith("store " + junk + ": ").hasMessageNotContaining("\n");
    }
}
