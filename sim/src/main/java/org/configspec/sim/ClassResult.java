package org.configspec.sim;

/**
 * What one client class of a mix measured.
 *
 * @param label     the --mix entry
 * @param goodput   committed tokens per second of each client (or session) of the class
 * @param rounds    verify rounds the class completed
 * @param meanK     mean K drafted per round
 * @param acceptedPerRound mean accepted draft tokens per round
 */
public record ClassResult(String label, Summary goodput, long rounds, double meanK, double acceptedPerRound) {
}
