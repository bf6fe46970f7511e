package org.configspec.cli.commands.profile;

import picocli.CommandLine.Command;

/** configspec profile: measurement on this device (power; drafting speed and acceptance as they land). */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Measure on this device: drafting speed (draft) and power (power).",
        subcommands = {PowerCommand.class, DraftCommand.class})
public final class ProfileCommand {
}
