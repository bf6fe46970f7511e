package org.configspec.cli.commands.store;

import java.util.List;
import java.util.concurrent.Callable;
import org.configspec.cli.options.FormatOption;
import org.configspec.store.ProfileDocument;
import org.configspec.store.ProfileFilter;
import org.configspec.store.ProfileStore;
import org.configspec.store.StoreJson;
import org.configspec.report.Csv;
import org.configspec.report.Json;
import org.configspec.report.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** configspec store list: the stored profiles, oldest first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists stored profiles (id, kind, keys, creation time), oldest first.")
public final class StoreListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Mixin
    FormatOption format;

    @Option(names = "--kind", paramLabel = "KIND", description = "Only this kind: draft, acceptance, power, run, ...")
    String kind;

    @Option(names = "--device", paramLabel = "NAME", description = "Only profiles of this device.")
    String device;

    @Option(names = "--draft", paramLabel = "NAME", description = "Only profiles of this draft model.")
    String draft;

    @Option(names = "--target", paramLabel = "NAME", description = "Only profiles against this target model.")
    String target;

    @Override
    public Integer call() {
        List<ProfileDocument> docs;
        String where;
        try (ProfileStore s = store.openExisting()) {
            docs = s.list(new ProfileFilter(kind, device, draft, target));
            where = s.location();
        }
        var out = spec.commandLine().getOut();
        out.print(render(docs, where));
        out.flush();
        return 0;
    }

    private String render(List<ProfileDocument> docs, String where) {
        switch (format.get()) {
            case JSON:
                return Json.write(StoreJson.list(docs, where));
            case CSV: {
                StringBuilder b = new StringBuilder(Csv.line("id", "kind", "device", "draft", "quant", "target", "created"));
                for (ProfileDocument d : docs) {
                    b.append(Csv.line(d.id(), d.kind(), nz(d.keys().device()), nz(d.keys().draft()), nz(d.keys().quant()),
                            nz(d.keys().target()), d.created().toString()));
                }
                return b.toString();
            }
            default: {
                if (docs.isEmpty()) {
                    return "no profiles in " + where + (filtered() ? " matching the filter" : "") + "\n";
                }
                TextTable t = new TextTable("ID", "KIND", "DEVICE", "DRAFT", "QUANT", "TARGET", "CREATED");
                for (ProfileDocument d : docs) {
                    t.row(d.id(), d.kind(), dash(d.keys().device()), dash(d.keys().draft()), dash(d.keys().quant()),
                            dash(d.keys().target()), d.created().toString());
                }
                return "profiles in " + where + ": " + docs.size() + "\n" + t.render("  ");
            }
        }
    }

    private boolean filtered() {
        return kind != null || device != null || draft != null || target != null;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }
}
