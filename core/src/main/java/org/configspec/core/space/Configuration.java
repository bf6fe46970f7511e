package org.configspec.core.space;

/** The identity of one point of the joint space: target, device, draft variant and draft length K. */
public record Configuration(String target, String device, String draft, String quant, int k) {
    @Override
    public String toString() {
        return draft + " " + quant + " on " + device + " -> " + target + ", K = " + k;
    }
}
