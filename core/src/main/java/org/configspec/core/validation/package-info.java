/**
 * The values of a validation of the analytic model against real runs: the model inputs read from stored profiles,
 * one measured-versus-predicted point per (RTT, K), and the report over all points. Computed in serve (validate),
 * stored in store (a "validation" document).
 */
package org.configspec.core.validation;
