package org.configspec.cli.commands.store;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.configspec.store.JsonLines;
import org.configspec.store.ProfileStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** configspec store export FILE: every stored profile to a JSON Lines file. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes every stored profile to a JSON Lines file (first line a format header; one profile per line),"
                + " for 'configspec store import' into another store.")
public final class StoreExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Parameters(index = "0", paramLabel = "FILE", description = "The .jsonl file to write (replaced if it exists).")
    Path file;

    @Override
    public Integer call() {
        try (ProfileStore s = store.openExisting()) {
            int n = JsonLines.export(s, file);
            spec.commandLine().getOut().println("exported " + n + " profiles from " + s.location() + " to " + file);
        }
        return 0;
    }
}
