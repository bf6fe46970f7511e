package org.configspec.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.configspec.core.json.MachineJson;

/** The JSON writer of reports: {@link MachineJson#report()} (indented, 10 significant digits, NaN written as null). */
public final class Json {
    private Json() {
    }

    public static ObjectNode object() {
        return MachineJson.object();
    }

    public static void put(ObjectNode n, String field, double v) {
        MachineJson.putFigure(n, field, v);
    }

    public static String write(Object tree) {
        return MachineJson.write(MachineJson.report(), tree) + "\n";
    }
}
