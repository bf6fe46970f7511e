/**
 * Prompts to profile with: {@link org.configspec.profile.dataset.PromptSource} over Databricks Dolly 15k
 * ({@link org.configspec.profile.dataset.DollyPrompts}: category filter, seeded sampling, template), plain-text and
 * JSON Lines prompt files, and the built-in TinyStories story openings for the default stories15M family.
 */
package org.configspec.profile.dataset;
