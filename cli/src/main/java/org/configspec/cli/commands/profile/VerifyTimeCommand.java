package org.configspec.cli.commands.profile;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.configspec.llm.remote.RemoteTarget;
import org.configspec.profile.draft.ProcSelf;
import org.configspec.profile.timing.NanoClock;
import org.configspec.profile.verify.VerifyTimeProbe;
import org.configspec.profile.verify.VerifyTimeReport;
import org.configspec.store.ProfileStore;
import org.configspec.store.ProfileStores;
import org.configspec.store.VerifyTimeDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code configspec profile verify-time}: times verification-shaped requests from this device to a target's serving
 * engine, fits T_v(K, context) and, with --store, stores it as a verify-time profile that select/sweep/explain --store
 * use in place of the constant T_v. Exit 0 on success, 2 on bad input or an unreachable server (one line on stderr).
 */
@Command(name = "verify-time", mixinStandardHelpOptions = true,
        description = "Measure the verification time of a target on a serving engine from this device: the request a "
                + "verifier sends per round, for K = 0..--k-max at --contexts, repeated and interleaved; fits "
                + "T_v(K, context) = RTT + a + b·(K+1) (+ c·context) and prints the fit and its residuals. With --store,"
                + " select/sweep/explain --store use it in place of the constant T_v.")
public final class VerifyTimeCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    TargetUrlOptions remote;

    @Option(names = "--target", paramLabel = "NAME", description = "The target's name in the stored profile (the name"
            + " its acceptance profiles carry; default the server's model id).")
    String target;

    @Option(names = "--contexts", split = ",", paramLabel = "N", defaultValue = "64,256,1024",
            description = "Context lengths to time (tokens, comma-separated).")
    List<Integer> contexts = new ArrayList<>();

    @Option(names = "--k-max", defaultValue = "16", description = "K is timed at 0..this (1..64).")
    int kMax;

    @Option(names = "--repetitions", defaultValue = "5", description = "Timed requests per (K, context).")
    int repetitions;

    @Option(names = "--warmup", defaultValue = "1", description = "Untimed requests before each context's timed block (at least 1: the engine caches the context).")
    int warmup;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the request order and drafted ids.")
    long seed;

    @Option(names = "--device", paramLabel = "NAME", description = "Device name the profile is stored under."
            + " Default: the CPU model.")
    String device;

    @Option(names = "--store", arity = "0..1", fallbackValue = "", paramLabel = "URL", description = "Store the fit as"
            + " a verify-time profile (without URL: $CONFIGSPEC_STORE, else ~/.configspec/profiles.db).")
    String store;

    @Override
    public Integer call() {
        if (!remote.given()) {
            throw new org.configspec.core.error.ConfigSpecException("--target-url: required (the serving engine whose"
                    + " verify time is measured)");
        }
        VerifyTimeProbe.Settings s = new VerifyTimeProbe.Settings(contexts, kMax, repetitions, warmup, seed);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (RemoteTarget t = remote.open()) {
            VerifyTimeProbe.Result r = new VerifyTimeProbe(t, NanoClock.system()).run(s, step -> {
                err.print("\rconfigspec profile verify-time: request " + step);
                err.flush();
            });
            err.println();
            String url = remote.endpoint().url().toString();
            out.print(VerifyTimeReport.table(r, s, t.identity(), url));
            if (store != null) {
                VerifyTimeDocument d = VerifyTimeReport.document(r, s, t.identity(), url,
                        target != null ? target : t.identity().modelId(), device != null ? device : ProcSelf.cpuModel());
                try (ProfileStore st = ProfileStores.open(ProfileStores.resolve(store.isEmpty() ? null : store,
                        System.getenv()))) {
                    var doc = d.toDocument(Instant.now());
                    st.put(doc);
                    out.println("stored verify-time profile " + doc.id() + " of " + d.target() + " from '" + d.device()
                            + "' in " + st.location() + "; next: configspec select --store " + st.location()
                            + " --price-output <$ per million tokens>");
                }
            }
        }
        out.flush();
        return 0;
    }
}
