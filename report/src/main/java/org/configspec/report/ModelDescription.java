package org.configspec.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.configspec.core.model.EnergyOptions;
import org.configspec.core.model.ModelOptions;
import org.configspec.core.model.VerifyTime;

/** Says which model produced a result: one line for people, an object for JSON. */
public final class ModelDescription {
    private ModelDescription() {
    }

    public static String line(ModelOptions o) {
        return line(o, true);
    }

    /** Without the K range (for one configuration); paper mode then means paper mode at any K. */
    public static String line(ModelOptions o, boolean withK) {
        VerifyTime v = o.verify();
        String tv = v.isConstant() && v.rttS() == 0 ? "T_v = " + Num.human(v.fixedS(), 4) + " s"
                : String.format(Locale.ROOT, "T_v = RTT %s s + %s s + %s s/token × (K+1)", Num.human(v.rttS(), 4),
                Num.human(v.fixedS(), 4), Num.human(v.perTokenS(), 4))
                + (v.perContextTokenS() > 0 ? " + " + Num.human(v.perContextTokenS(), 4) + " s/token × context "
                + v.contextTokens() : "") + (v.isMeasured() ? " (" + v.source() + ")" : "");
        String energy = energy(o.energy());
        boolean paper = withK ? o.isPaperMode() : o.withKRange(2, 10).isPaperMode();
        return (paper ? "paper mode: " : "extended model: ") + (withK ? "K " + o.kMin() + ".." + o.kMax() + ", " : "")
                + "acceptance " + o.acceptance().name().toLowerCase(Locale.ROOT) + ", " + tv + ", billing "
                + o.billing().name() + ", energy " + energy
                + (o.pipelined() ? ", rounds pipelined (the next round drafted while verifying)" : "");
    }

    private static String energy(EnergyOptions e) {
        if (e.isDraftingOnly()) {
            return "drafting only";
        }
        StringBuilder sb = new StringBuilder("drafting");
        if (e.waiting()) {
            sb.append(" + idle while verifying").append(Double.isNaN(e.idlePowerW()) ? " (device idle power)"
                    : " (" + Num.human(e.idlePowerW(), 4) + " W)");
        }
        if (e.radioJPerByte() > 0) {
            sb.append(" + radio ").append(Num.human(e.radioJPerByte(), 4)).append(" J/B");
        }
        return sb.toString();
    }

    public static ObjectNode json(ModelOptions o) {
        ObjectNode n = Json.object();
        n.put("paperMode", o.isPaperMode());
        n.put("kMin", o.kMin());
        n.put("kMax", o.kMax());
        n.put("acceptance", o.acceptance().name().toLowerCase(Locale.ROOT));
        Json.put(n, "rttS", o.verify().rttS());
        Json.put(n, "tVerifyS", o.verify().fixedS());
        Json.put(n, "verifyPerTokenS", o.verify().perTokenS());
        if (o.verify().isMeasured()) {
            Json.put(n, "verifyPerContextTokenS", o.verify().perContextTokenS());
            n.put("verifyContextTokens", o.verify().contextTokens());
            n.put("verifySource", o.verify().source());
        }
        n.put("billing", o.billing().name());
        n.put("billingFormula", o.billing().describe());
        n.put("energyWaiting", o.energy().waiting());
        Json.put(n, "idlePowerW", o.energy().idlePowerW());
        Json.put(n, "radioJPerByte", o.energy().radioJPerByte());
        if (o.pipelined()) {
            n.put("roundSchedule", "pipelined"); // absent: sequential, as before the schedule existed
        }
        return n;
    }
}
