package org.configspec.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.configspec.cli.commands.CatalogCommand;
import org.configspec.cli.commands.ExplainCommand;
import org.configspec.cli.commands.SimulateCommand;
import org.configspec.cli.commands.FindingsCommand;
import org.configspec.cli.commands.LinkCommand;
import org.configspec.cli.commands.ReportCommand;
import org.configspec.cli.commands.SelectCommand;
import org.configspec.cli.commands.SweepCommand;
import org.configspec.cli.commands.profile.ProfileCommand;
import org.configspec.cli.commands.serve.RunCommand;
import org.configspec.cli.commands.serve.ServeCommand;
import org.configspec.cli.commands.serve.ValidateCommand;
import org.configspec.cli.commands.store.StoreCommand;
import org.configspec.cli.commands.target.TargetCommand;
import org.configspec.cli.gen.BenchCommand;
import org.configspec.cli.gen.GenerateCommand;
import org.configspec.cli.options.Converters;
import org.configspec.cli.models.ModelsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code configspec} command. Without a subcommand it shows the paper's findings on the built-in catalog.
 * Exit codes ({@link Errors}): 0 success, 1 internal error, 2 user error (bad flag, file, field or value).
 */
@Command(name = "configspec", mixinStandardHelpOptions = true, showDefaultValues = true, versionProvider = Version.class,
        description = "Chooses how to deploy distributed edge-cloud speculative decoding: which draft model, quantisation,"
                + " K and device give the best goodput, cost per token and edge energy per token.",
        subcommands = {SelectCommand.class, SweepCommand.class, ExplainCommand.class, ReportCommand.class, CatalogCommand.class,
                FindingsCommand.class, ProfileCommand.class, StoreCommand.class, ServeCommand.class, RunCommand.class,
                ValidateCommand.class, LinkCommand.class, ModelsCommand.class, GenerateCommand.class, BenchCommand.class,
                SimulateCommand.class, TargetCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return configure(new CommandLine(new FindingsCommand())).setOut(spec.commandLine().getOut())
                .setErr(spec.commandLine().getErr()).execute();
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = run(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line with the given streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = commandLine();
        cmd.setOut(out);
        cmd.setErr(err);
        return cmd.execute(args);
    }

    /** The root command with every subcommand, the option converters and the one exit-code mapper. */
    public static CommandLine commandLine() {
        return configure(new CommandLine(new Main()));
    }

    /**
     * Sets up {@code cmd} and the subcommands it has as the root command is set up: defaults shown in the help, the
     * typed option converters, case-insensitive enum values and the one exit-code mapper ({@link Errors}).
     */
    public static CommandLine configure(CommandLine cmd) {
        showDefaultValues(cmd);
        Converters.register(cmd);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        Errors.install(cmd);
        return cmd;
    }

    /** Every option's help shows its default value, on every command of the tree. */
    private static void showDefaultValues(CommandLine cmd) {
        cmd.getCommandSpec().usageMessage().showDefaultValues(true);
        cmd.getSubcommands().values().forEach(Main::showDefaultValues);
    }
}
