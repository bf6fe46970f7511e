/**
 * Validation of the analytic model against real distributed runs: K = 1..K_max through the link emulator at given
 * RTTs, measured goodput and tokens per round versus the model fed by measured draft speed, acceptance and a verify
 * time fit, or by stored acceptance and draft profiles ({@link org.configspec.core.validation.StoredInputs}, read by {@link org.configspec.serve.validate.ValidationRun});
 * tokens per $ and J per token too.
 */
package org.configspec.serve.validate;
