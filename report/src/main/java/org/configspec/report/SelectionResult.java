package org.configspec.report;

import java.util.List;
import org.configspec.core.model.ModelOptions;
import org.configspec.core.select.Constraints;
import org.configspec.core.select.GroupSelection;
import org.configspec.core.select.Weights;

/** A selection with the inputs that produced it, for writers. */
public record SelectionResult(String catalogName, ModelOptions options, Constraints constraints, String constraintsText,
                              Weights weights, List<GroupSelection> groups, boolean showPareto) {
}
