package org.configspec.core.validation;

import java.util.List;

/**
 * One stored validation run, as a store hands it back: which configuration was run, when, and its measured and
 * predicted figures per (RTT, K).
 *
 * @param device  edge device
 * @param draft   draft model
 * @param quant   its quantisation
 * @param target  target model
 * @param created when the run was stored (ISO-8601)
 * @param points  one per (RTT, K)
 */
public record StoredValidation(String device, String draft, String quant, String target, String created,
                               List<ValidationPoint> points) {
    public StoredValidation {
        points = List.copyOf(points);
    }
}
