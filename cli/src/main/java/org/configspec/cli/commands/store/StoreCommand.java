package org.configspec.cli.commands.store;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** configspec store: what the profile store holds, and moving profiles between stores. */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "The profile store (SQLite file on each device, PostgreSQL for fleets): list, show, export and import"
                + " stored profiles.",
        subcommands = {StoreListCommand.class, StoreShowCommand.class, StoreExportCommand.class, StoreImportCommand.class})
public final class StoreCommand implements Callable<Integer> {
    /** Exit code when no subcommand is given (a user error, as everywhere in the CLI). */
    static final int USER_ERROR = 2;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("configspec store: name a subcommand: list, show ID, export FILE or import FILE");
        spec.commandLine().usage(spec.commandLine().getErr());
        return USER_ERROR;
    }
}
