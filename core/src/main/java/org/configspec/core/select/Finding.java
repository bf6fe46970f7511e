package org.configspec.core.select;

import org.configspec.core.space.Evaluation;

/**
 * Where one objective's optimum sits in its target × device group.
 *
 * @param smallest the optimum's draft has the fewest parameters in the group
 * @param largest  the optimum's draft has the most parameters in the group
 * @param fastest  the optimum's draft variant drafts fastest on the device
 */
public record Finding(String target, String device, Objective objective, Evaluation best, boolean smallest,
                      boolean largest, boolean fastest) {
}
