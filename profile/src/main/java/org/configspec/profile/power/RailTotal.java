package org.configspec.profile.power;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which rails of a multi-rail sensor make the reported power. When a rail measures the whole board input
 * ({@code VDD_IN} on Orin Nano/NX and Xavier NX, {@code POM_5V_IN} on Nano/TX2) it alone is the total and the
 * others, which it already contains, are not added. Otherwise (AGX Orin: {@code VDD_GPU_SOC}, {@code VDD_CPU_CV},
 * {@code VIN_SYS_5V0}, {@code VDDQ_VDD2_1V8AO}; AGX Xavier) the rails are summed, which covers the module but not
 * the carrier board.
 */
public record RailTotal(double watts, List<String> rails, String scope) {
    static final Set<String> TOTAL_INPUT_RAILS = Set.of("VDD_IN", "POM_5V_IN", "VIN");

    public RailTotal {
        rails = List.copyOf(rails);
    }

    /** Selects from rail name → watts (in sensor order). */
    public static RailTotal of(Map<String, Double> railWatts) {
        for (Map.Entry<String, Double> e : railWatts.entrySet()) {
            if (TOTAL_INPUT_RAILS.contains(e.getKey())) {
                return new RailTotal(e.getValue(), List.of(e.getKey()), "board input rail " + e.getKey()
                        + " (total; the other rails are part of it and not added)");
            }
        }
        double sum = 0;
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, Double> e : railWatts.entrySet()) {
            sum += e.getValue();
            names.add(e.getKey());
        }
        return new RailTotal(sum, names, "sum of the module rails (no board input rail; the carrier board is not included)");
    }
}
