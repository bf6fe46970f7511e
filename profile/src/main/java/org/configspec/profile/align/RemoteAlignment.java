package org.configspec.profile.align;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.llm.remote.RemoteTarget;
import org.configspec.llm.remote.ServerIdentity;
import org.configspec.store.ProfileStore;
import org.configspec.store.RemoteSource;

/**
 * Acceptance profiling against a target on a serving engine: the prompts tokenized locally with the first draft's
 * tokenizer (checked once against the server's {@code /tokenize} where it has one), one generate request per prompt
 * for the target's greedy continuation ({@link RemoteTargetPass}; resumable per prompt through the store's run log,
 * {@link RemoteContinuations}), then the drafts replayed locally exactly as for a local target
 * ({@link AlignmentProfiler}).
 */
public final class RemoteAlignment {
    private RemoteAlignment() {
    }

    /**
     * What to profile against.
     *
     * @param target     the opened remote target
     * @param url        its URL (for provenance and the run key; no credentials)
     * @param targetName the target's name in the profile, or null for the server's model id
     * @param topN       log-probabilities listed per generated position (0: greedy only)
     */
    public record Remote(RemoteTarget target, String url, String targetName, int topN) {
    }

    /**
     * @param store    where continuations are recorded as they arrive (resumable), or null
     * @param progress told "i/n" before each request
     */
    public static AlignResult run(Remote remote, List<AlignmentProfiler.Draft> drafts, AlignSettings settings,
                                  List<String> prompts, String source, ProfileStore store, Consumer<String> progress) {
        if (settings.sampling() != null && remote.topN() < 1) {
            throw new ConfigSpecException("--temperature with --target-url: sampling acceptance needs the target's "
                    + "top-N log-probabilities; allowed --top-n 1 or more");
        }
        if (prompts.isEmpty()) {
            throw new ConfigSpecException("prompts from " + source + ": none given; allowed: at least one prompt");
        }
        ServerIdentity id = remote.target().identity();
        String name = remote.targetName() == null ? id.modelId() : remote.targetName();
        ModelRef targetRef = new ModelRef(name, remote.url(), "n/a (remote)", "remote " + id.api().cliName(), 0, 0);
        List<String> used = prompts.subList(0, Math.min(prompts.size(), settings.maxPrompts()));
        AlignmentProfiler tokenizing = AlignmentProfiler.remote(targetRef, drafts, settings, null, null);
        List<int[]> ids = used.stream().map(tokenizing::tokenize).toList();
        checkTokenizer(remote.target(), used.get(0), ids.get(0), drafts.get(0).ref().name());
        // the key names the model, not the URL: a server restarted elsewhere with the same model resumes the campaign
        String runKey = "align-remote:" + Integer.toHexString(List.of(id.api().cliName(), id.modelId(), source,
                ids.stream().map(Arrays::hashCode).toList(), settings.tokens(), remote.topN(), settings.seed())
                .hashCode());
        RemoteTargetPass pass = new RemoteTargetPass(remote.target(), remote.topN(), settings.seed());
        RemoteContinuations fetched = RemoteContinuations.fetch(pass, ids, settings.tokens(), store, runKey, progress);
        RemoteProvenance prov = new RemoteProvenance(new RemoteSource(id.api().cliName(), id.version(), id.modelId(),
                remote.url(), remote.topN(), used.size(), fetched.usage().prompt(), fetched.usage().completion()),
                fetched.resumed());
        return AlignmentProfiler.remote(targetRef, drafts, settings, fetched, prov).run(used, source);
    }

    /** The server's ids of the first prompt equal the draft's, where the server tokenizes; one line otherwise. */
    static void checkTokenizer(RemoteTarget target, String prompt, int[] local, String draft) {
        if (!target.capabilities().tokenize()) {
            return;
        }
        int[] remote = target.tokenize(prompt);
        if (!Arrays.equals(remote, local)) {
            throw new ConfigSpecException("--target-url: the server's tokenizer gives " + head(remote) + " for the "
                    + "first prompt, the draft " + draft + " gives " + head(local) + " (allowed: the same vocabulary"
                    + " and tokenizer on both sides)");
        }
    }

    private static String head(int[] ids) {
        int[] h = Arrays.copyOf(ids, Math.min(ids.length, 8));
        return Arrays.toString(h).replace("]", ids.length > 8 ? ", … (" + ids.length + " ids)]" : "]");
    }
}
