package org.configspec.cli.commands.store;

import java.util.concurrent.Callable;
import org.configspec.cli.options.FormatOption;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.store.ProfileDocument;
import org.configspec.store.ProfileStore;
import org.configspec.store.StoreJson;
import org.configspec.report.Format;
import org.configspec.report.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** configspec store show ID: one stored profile with its document. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one stored profile: its keys and its JSON document.")
public final class StoreShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Mixin
    FormatOption format;

    @Parameters(index = "0", paramLabel = "ID", description = "The profile's id (see 'configspec store list').")
    String id;

    @Override
    public Integer call() {
        if (format.get() == Format.CSV) {
            throw new ConfigSpecException("--format csv: 'store show' prints one JSON document; allowed: table, json");
        }
        ProfileDocument d;
        try (ProfileStore s = store.openExisting()) {
            d = s.get(id).orElseThrow(() -> new ConfigSpecException("store " + s.location() + ": no profile with id '" + id
                    + "'; see 'configspec store list'"));
        }
        var out = spec.commandLine().getOut();
        if (format.get() == Format.JSON) {
            out.print(Json.write(StoreJson.full(d)));
        } else {
            out.println("id:      " + d.id());
            out.println("kind:    " + d.kind());
            out.println("device:  " + orDash(d.keys().device()));
            out.println("draft:   " + orDash(d.keys().draft()));
            out.println("quant:   " + orDash(d.keys().quant()));
            out.println("target:  " + orDash(d.keys().target()));
            out.println("created: " + d.created());
            out.print(Json.write(d.tree()));
        }
        out.flush();
        return 0;
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }
}
