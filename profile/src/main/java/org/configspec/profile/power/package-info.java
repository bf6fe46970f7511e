/**
 * Power meters on the user's device. Every hardware seam is an interface: a {@link
 * org.configspec.profile.power.PowerSource} gives instantaneous watts and is sampled by a background thread
 * ({@link org.configspec.profile.power.SampledPowerMeter}); an {@link org.configspec.profile.power.EnergyCounter}
 * gives cumulative joules and is read at the exact window edges ({@link
 * org.configspec.profile.power.CounterPowerMeter}). {@link org.configspec.profile.power.PowerMeters#open} turns a
 * {@link org.configspec.profile.power.PowerMeterSpec} into a meter; {@link
 * org.configspec.profile.power.EnergyProfiler} measures the idle baseline, then the work, and reports gross and net
 * energy as an {@link org.configspec.profile.power.EnergyMeasurement}. Every reader takes a filesystem root or a
 * command so that tests run on recorded fixtures.
 *
 * <p>Typical use (e.g. by the drafting profiler):
 *
 * <pre>{@code
 * try (PowerMeter meter = PowerMeters.open(PowerMeterSpec.of(MeterKind.AUTO))) {
 *     EnergyProfiler profiler = new EnergyProfiler(meter);
 *     double idleWatts = profiler.idleWatts(Duration.ofSeconds(5));     // before the work
 *     EnergyMeasurement e = profiler.measure(idleWatts, () -> generate(tokens));
 *     double netJoulesPerToken = e.netJoules() / tokens;                // e.method(), e.rails(), e.estimate()
 * }
 * }</pre>
 */
package org.configspec.profile.power;
