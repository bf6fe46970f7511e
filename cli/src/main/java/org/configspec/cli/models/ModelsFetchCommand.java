package org.configspec.cli.models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.configspec.llm.ConfigSpecHome;
import org.configspec.llm.model.DefaultModel;
import org.configspec.llm.model.ModelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code configspec models fetch}: provisions the stories15M weights (runs scripts/setup when they are missing), checks
 * their sha256 and prepares every model of the default family. Prints each model's path.
 */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Fetch the embedded default weights (via scripts/setup, sha256 checked) and prepare the default "
                + "family: " + "stories15M-f32, -f16, -q8_0, -q4_0, -q8_0-l5, -q8_0-l4.")
public final class ModelsFetchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return LlmCommands.run(spec, () -> {
            Path home = ConfigSpecHome.require();
            ModelStore store = ModelStore.defaultStore();
            if (!Files.isRegularFile(store.dir().resolve(ModelStore.CHECKPOINT))) {
                Path setup = home.resolve("scripts/setup");
                if (!Files.isExecutable(setup)) {
                    throw new IllegalStateException("weights missing in " + store.dir() + " and " + setup
                            + " is not executable");
                }
                int rc = new ProcessBuilder(setup.toString()).inheritIO().start().waitFor();
                if (rc != 0) {
                    throw new IllegalStateException(setup + " failed with exit code " + rc);
                }
            }
            store.verifySource();
            for (DefaultModel m : DefaultModel.values()) {
                spec.commandLine().getOut().println(store.prepare(m));
            }
            spec.commandLine().getOut().flush();
            return 0;
        });
    }
}
