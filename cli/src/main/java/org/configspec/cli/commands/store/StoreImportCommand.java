package org.configspec.cli.commands.store;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.configspec.store.ImportReport;
import org.configspec.store.JsonLines;
import org.configspec.store.ProfileStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** configspec store import FILE: profiles from a JSON Lines export into the store. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Imports the profiles of a 'configspec store export' file (in one transaction). Profiles already"
                + " present are skipped; an id present with a different document is skipped and reported.")
public final class StoreImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Parameters(index = "0", paramLabel = "FILE", description = "The .jsonl file written by 'configspec store export'.")
    Path file;

    @Override
    public Integer call() {
        try (ProfileStore s = store.open()) {
            ImportReport r = JsonLines.importChecked(s, file);
            spec.commandLine().getOut().println("import " + file + " into " + s.location() + ": " + r.summary());
        }
        return 0;
    }
}
