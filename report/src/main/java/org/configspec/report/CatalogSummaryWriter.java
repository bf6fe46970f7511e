package org.configspec.report;

import java.util.stream.Collectors;
import org.configspec.core.acceptance.AcceptanceProfile;
import org.configspec.core.catalog.Catalog;
import org.configspec.core.catalog.CatalogWriter;
import org.configspec.core.domain.Device;
import org.configspec.core.domain.DraftModel;
import org.configspec.core.domain.Target;
import org.configspec.core.profile.DraftProfile;
import org.configspec.core.stats.Measured;

/** What a catalog holds: a summary table for people; the full document as JSON. */
public final class CatalogSummaryWriter {
    private CatalogSummaryWriter() {
    }

    public static String write(Format format, Catalog c) {
        return switch (format) {
            case JSON -> CatalogWriter.toJson(c);
            case CSV -> csv(c);
            case TABLE -> table(c);
        };
    }

    private static String csv(Catalog c) {
        StringBuilder sb = new StringBuilder(Csv.line("device", "draft", "quant", "tok_s", "power_w", "source"));
        for (DraftProfile p : c.draftProfiles()) {
            sb.append(Csv.line(p.device(), p.draft(), p.quant(), Num.machine(p.tokPerS().value()),
                    p.powerKnown() ? Num.machine(p.powerW().value()) : "", p.provenance().source()));
        }
        return sb.toString();
    }

    /** "mean", "median of 5", ...: what a figure is. */
    private static String aggregation(Measured m) {
        return m.aggregation().label() + (m.n() > 0 ? " of " + m.n() : "");
    }

    private static String table(Catalog c) {
        StringBuilder sb = new StringBuilder();
        sb.append("catalog ").append(c.name()).append(": ").append(c.description()).append('\n');
        sb.append("source: ").append(c.source()).append("\n\n");
        TextTable d = new TextTable("device", "memory GiB", "idle W", "note");
        for (Device x : c.devices()) {
            d.row(x.name(), x.memoryKnown() ? Num.human(x.memoryBytes() / (double) (1L << 30), 3) : "n/a",
                    Num.human(x.idlePowerW(), 3), x.note());
        }
        sb.append("devices (").append(c.devices().size()).append(")\n").append(d.render("  ")).append('\n');
        TextTable t = new TextTable("target", "output $/M", "input $/M", "cached $/M", "GPU $/h", "prices as of");
        for (Target x : c.targets()) {
            t.row(x.name(), Num.human(x.price().outputPerMTok(), 4), Num.human(x.price().inputPerMTok(), 4),
                    Num.human(x.price().cachedInputPerMTok(), 4), Num.human(x.price().gpuPerHour(), 4), x.price().asOf());
        }
        sb.append("targets (").append(c.targets().size()).append(")\n").append(t.render("  ")).append('\n');
        TextTable m = new TextTable("draft", "family", "params B", "variant", "quant", "size GB");
        for (DraftModel x : c.drafts()) {
            m.row(x.name(), x.family(), Num.human(x.paramsB(), 3), x.variant(), x.quant(),
                    Num.human(x.sizeBytes() / 1e9, 3) + (x.sizeIsEstimate() ? " (est.)" : ""));
        }
        sb.append("draft variants (").append(c.drafts().size()).append(")\n").append(m.render("  ")).append('\n');
        TextTable a = new TextTable("draft", "target", "K measured", "α(K min)", "α(K max)", "per-position");
        for (AcceptanceProfile x : c.acceptance()) {
            String ks = x.alphaByK().isEmpty() ? "-" : x.alphaByK().firstKey() + ".." + x.alphaByK().lastKey();
            a.row(x.draft() + (x.quant().isEmpty() ? "" : " " + x.quant()), x.target(), ks,
                    x.alphaByK().isEmpty() ? "n/a" : Num.human(x.alphaByK().get(x.alphaByK().firstKey()).value(), 3),
                    x.alphaByK().isEmpty() ? "n/a" : Num.human(x.alphaByK().get(x.alphaByK().lastKey()).value(), 3),
                    x.hasPerPosition() ? "K ≤ " + x.survival().length : "no");
        }
        sb.append("acceptance profiles (").append(c.acceptance().size()).append(")\n").append(a.render("  ")).append('\n');
        TextTable p = new TextTable("device", "draft", "quant", "tok/s", "tok/s is", "power W", "power is");
        for (DraftProfile x : c.draftProfiles()) {
            p.row(x.device(), x.draft(), x.quant(), Num.human(x.tokPerS().value(), 4), aggregation(x.tokPerS()),
                    x.powerKnown() ? Num.human(x.powerW().value(), 4) : "n/a",
                    x.powerKnown() ? aggregation(x.powerW()) : "");
        }
        sb.append("draft profiles (").append(c.draftProfiles().size()).append(", ")
                .append(c.draftProfiles().stream().map(DraftProfile::device).distinct().count()).append(" devices)\n")
                .append(p.render("  "));
        String missingPower = c.draftProfiles().stream().filter(x -> !x.powerKnown()).map(DraftProfile::device).distinct()
                .collect(Collectors.joining(", "));
        if (!missingPower.isEmpty()) {
            sb.append("  no power data on: ").append(missingPower).append(" (energy per token is n/a there)\n");
        }
        return sb.toString();
    }
}
