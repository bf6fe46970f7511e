package org.configspec.llm.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which libllama ConfigSpec loads when none is configured: a complete native build (stamp and library) before the
 * prebuilt one; an incomplete build (no stamp: still building or failed) is passed over; the setting's value
 * {@code prebuilt} asks for the prebuilt library. Only file layouts here: nothing is loaded.
 */
class LibraryLocatorTest {
    @TempDir
    Path home;

    private Path prebuilt() throws IOException {
        Path dir = Files.createDirectories(home.resolve(".cache/llama").resolve(LibraryLocator.platform()));
        return Files.createFile(dir.resolve("libllama.v0.4.0.so"));
    }

    private Path nativeLib(boolean stamped) throws IOException {
        Path bin = Files.createDirectories(home.resolve(".cache/llama-native/build/bin"));
        Files.createFile(bin.resolve("libllama-common.so"));
        Path lib = Files.createFile(bin.resolve("libllama.so"));
        if (stamped) {
            Files.createFile(home.resolve(".cache/llama-native/.stamp"));
        }
        return lib;
    }

    private Path locate(String setting) {
        return LibraryLocator.locate(setting, () -> Optional.of(home));
    }

    @Test
    void aCompleteNativeBuildIsPreferredToThePrebuiltLibrary() throws IOException {
        prebuilt();
        Path lib = nativeLib(true);
        assertThat(locate(null)).isEqualTo(lib);
    }

    @Test
    void aNativeBuildWithoutItsStampIsPassedOver() throws IOException {
        Path pre = prebuilt();
        nativeLib(false);
        assertThat(locate(null)).isEqualTo(pre);
    }

    @Test
    void withoutANativeBuildThePrebuiltLibraryIsUsed() throws IOException {
        Path pre = prebuilt();
        assertThat(locate(null)).isEqualTo(pre);
    }

    @Test
    void thePrebuiltSettingChoosesThePrebuiltLibraryOverANativeBuild() throws IOException {
        Path pre = prebuilt();
        nativeLib(true);
        assertThat(locate(LibraryLocator.PREBUILT)).isEqualTo(pre);
    }

    @Test
    void anExplicitDirectoryWinsOverBoth() throws IOException {
        prebuilt();
        nativeLib(true);
        Path mine = Files.createDirectories(home.resolve("mine"));
        Path lib = Files.createFile(mine.resolve("libllama.so"));
        assertThat(locate(mine.toString())).isEqualTo(lib);
    }
}
