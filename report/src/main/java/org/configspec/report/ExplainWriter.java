package org.configspec.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.configspec.core.explain.Term;

/** Writes the terms of one configuration's model. */
public final class ExplainWriter {
    private ExplainWriter() {
    }

    public static String write(Format format, String title, List<Term> terms) {
        return switch (format) {
            case TABLE -> {
                TextTable t = new TextTable("term", "symbol", "value", "unit", "how");
                for (Term x : terms) {
                    t.row(x.name(), x.symbol(), Num.human(x.value(), 6), x.unit(), x.formula());
                }
                yield title + "\n" + t.render("  ");
            }
            case CSV -> {
                StringBuilder sb = new StringBuilder(Csv.line("term", "symbol", "value", "unit", "how"));
                for (Term x : terms) {
                    sb.append(Csv.line(x.name(), x.symbol(), Num.machine(x.value()), x.unit(), x.formula()));
                }
                yield sb.toString();
            }
            case JSON -> {
                ObjectNode root = Json.object();
                root.put("configuration", title);
                ArrayNode a = root.putArray("terms");
                for (Term x : terms) {
                    ObjectNode n = a.addObject();
                    n.put("name", x.name());
                    n.put("symbol", x.symbol());
                    Json.put(n, "value", x.value());
                    n.put("unit", x.unit());
                    n.put("how", x.formula());
                }
                yield Json.write(root);
            }
        };
    }
}
