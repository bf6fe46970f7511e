/**
 * Prompts to profile with: {@link org.configspec.profile.dataset.PromptSource} over Databricks Dolly 15k
 * ({@link org.configspec.profile.dataset.DollyPrompts}: category filter, seeded sampling, template; the copy built
 * into ConfigSpec or a user's own, see {@link org.configspec.profile.dataset.DollyFile}), plain-text and JSON Lines
 * prompt files, and the built-in TinyStories story openings for the default stories15M family.
 */
package org.configspec.profile.dataset;
