package org.configspec.cli.commands.profile;

import picocli.CommandLine.Command;

/** configspec profile: measurement on this device. */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Measure on this device: everything into the profile store (all), drafting speed (draft), acceptance against a target (align), power (power), the verifier's service time per batch (verifier), a serving engine's verification time (verify-time).",
        subcommands = {ProfileAllCommand.class, DraftCommand.class, AlignCommand.class, PowerCommand.class,
                VerifierCommand.class, VerifyTimeCommand.class})
public final class ProfileCommand {
}
