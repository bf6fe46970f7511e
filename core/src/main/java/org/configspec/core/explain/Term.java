package org.configspec.core.explain;

/**
 * One term of the analytic model for one configuration.
 *
 * @param name    what it is ("tokens per round")
 * @param symbol  its symbol in {@link org.configspec.core.model.AnalyticModel} ("E(K)")
 * @param value   its value (NaN where unknown)
 * @param unit    its unit ("tokens", "s", "W", "$")
 * @param formula how it was obtained, with the numbers substituted
 */
public record Term(String name, String symbol, double value, String unit, String formula) {
}
