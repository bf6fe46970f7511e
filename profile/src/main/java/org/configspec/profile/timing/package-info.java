/**
 * The measuring harness's repetition loop: {@link org.configspec.profile.timing.RepetitionTimer} runs untimed warm-ups
 * then timed repetitions of a body on a {@link org.configspec.profile.timing.NanoClock} (the seam tests replace) and
 * returns the durations as {@link org.configspec.profile.timing.Samples}. Every benchmark of {@code profile} repeats
 * through it.
 */
package org.configspec.profile.timing;
