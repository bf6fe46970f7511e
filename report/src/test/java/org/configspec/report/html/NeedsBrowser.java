package org.configspec.report.html;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test that needs what scripts/setup installs for the report: the chart libraries packaged into the build
 * ({@code .cache/vega}) and the headless Chromium with puppeteer-core ({@code .cache/browser}). The build's
 * {@code pure} profile ({@code mvn -Ppure test}) leaves these tests out; {@code ./scripts/test} runs them.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(NeedsBrowser.TAG)
public @interface NeedsBrowser {
    /** The JUnit tag, for surefire's {@code excludedGroups}. */
    String TAG = "browser";
}
