/**
 * Measurement on the user's device (module {@code profile}): power meters ({@code power}), datasets
 * ({@code dataset}), the drafting throughput ({@code draft}) and acceptance
 * profiling ({@code align}).
 */
package org.configspec.profile;
