package org.configspec.llm;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test (class or method) that needs the natively built llama.cpp tools (llama-server and friends under
 * {@code <repo>/.cache/llama-native/build/bin}, built by scripts/build-llama-native through scripts/setup) besides
 * what {@link NeedsLlama} needs. The build's {@code pure} profile leaves these tests out; {@code ./scripts/test} runs
 * them and they fail, never skip, when the build is missing. Shared through this module's test-jar.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(NeedsNativeLlama.TAG)
public @interface NeedsNativeLlama {
    /** The JUnit tag, for surefire's {@code excludedGroups}. */
    String TAG = "native";
}
