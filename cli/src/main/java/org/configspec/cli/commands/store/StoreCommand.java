package org.configspec.cli.commands.store;

import picocli.CommandLine.Command;

/** configspec store: what the profile store holds, and moving profiles between stores. */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "The profile store (SQLite file on each device, PostgreSQL for fleets): list, show, export and import"
                + " stored profiles.",
        subcommands = {StoreListCommand.class, StoreShowCommand.class, StoreExportCommand.class, StoreImportCommand.class})
public final class StoreCommand {
}
