package org.configspec.llm;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test (class or method) that needs what scripts/setup installs under {@code <repo>/.cache}: llama.cpp's
 * libraries or the stories15M weights. The build's {@code pure} profile ({@code mvn -Ppure test}) leaves these tests
 * out; {@code ./scripts/test} runs them all. Shared with the other modules' tests through this module's test-jar.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(NeedsLlama.TAG)
public @interface NeedsLlama {
    /** The JUnit tag, for surefire's {@code excludedGroups}. */
    String TAG = "llama";
}
