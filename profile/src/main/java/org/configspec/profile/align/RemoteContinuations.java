package org.configspec.profile.align;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.json.MachineJson;
import org.configspec.llm.remote.Usage;
import org.configspec.store.ProfileStore;
import org.configspec.store.ResumableRun;
import org.configspec.store.RunItem;

/**
 * The remote target's continuations of a prompt list, fetched one request per prompt through a
 * {@link RemoteTargetPass}. With a store, every continuation is recorded in the store's run log the moment it
 * arrives ({@link ResumableRun}, one item per prompt): a campaign killed at any point (the server gone, the process
 * killed) resumes with the same run key and fetches only the prompts it lacks, so no prompt is lost or counted
 * twice. Then a {@link TargetPass} serves the continuations to the local draft replay.
 */
public final class RemoteContinuations implements TargetPass {

    private final Map<String, Continuation> byPrompt = new HashMap<>();
    private final Usage usage;
    private final int fetched;
    private final int resumed;

    private RemoteContinuations(List<Continuation> all, Usage usage, int fetched, int resumed) {
        all.forEach(c -> byPrompt.put(key(c.prompt()), c));
        this.usage = usage;
        this.fetched = fetched;
        this.resumed = resumed;
    }

    /**
     * Fetches the continuations of {@code prompts}.
     *
     * @param store    where the run log lives, or null to fetch without resuming
     * @param runKey   what the campaign is (endpoint, model, prompts, N, top-N); the same key resumes
     * @param progress told "i/n" before each fetch
     */
    public static RemoteContinuations fetch(RemoteTargetPass pass, List<int[]> prompts, int tokens,
                                            ProfileStore store, String runKey, Consumer<String> progress) {
        List<Integer> items = IntStream.range(0, prompts.size()).boxed().toList();
        if (store == null) {
            List<Continuation> all = new ArrayList<>();
            for (int i : items) {
                progress.accept((i + 1) + "/" + prompts.size());
                all.add(pass.continuation(prompts.get(i), tokens));
            }
            return new RemoteContinuations(all, pass.usage(), all.size(), 0);
        }
        ResumableRun run = new ResumableRun(store, runKey, "{\"prompts\":" + prompts.size() + ",\"tokens\":" + tokens
                + ",\"topN\":" + pass.topN() + "}");
        ResumableRun.Outcome o = run.run(items, i -> itemKey(i, prompts.get(i)), i -> {
            progress.accept((i + 1) + "/" + prompts.size());
            Usage before = pass.usage();
            Continuation c = pass.continuation(prompts.get(i), tokens);
            Usage after = pass.usage();
            return write(c, new Usage(after.prompt() - before.prompt(), after.completion() - before.completion()));
        });
        Map<String, RunItem> done = new HashMap<>();
        o.items().forEach(it -> done.put(it.key(), it));
        List<Continuation> all = new ArrayList<>();
        Usage total = Usage.NONE;
        for (int i : items) {
            RunItem it = done.get(itemKey(i, prompts.get(i)));
            if (it == null) {
                throw new ConfigSpecException("store " + store.location() + ": run '" + runKey + "' lacks prompt "
                        + i + "; use a new run");
            }
            JsonNode n = read(it.result(), store.location());
            all.add(continuation(prompts.get(i), n));
            total = total.plus(new Usage(n.path("usage").path("prompt").asLong(), n.path("usage").path("completion")
                    .asLong()));
        }
        return new RemoteContinuations(all, total, o.recorded(), o.skipped());
    }

    @Override
    public Continuation continuation(int[] prompt, int tokens) {
        Continuation c = byPrompt.get(key(prompt));
        if (c == null || c.length() != tokens) {
            throw new ConfigSpecException("remote continuation of a prompt of " + prompt.length + " tokens was not "
                    + "fetched (allowed: the prompts of the campaign)");
        }
        return c;
    }

    /** The tokens the provider reported over the whole campaign (this run and the runs it resumes). */
    public Usage usage() {
        return usage;
    }

    /** Prompts fetched now. */
    public int fetched() {
        return fetched;
    }

    /** Prompts whose continuation an earlier, interrupted run had recorded. */
    public int resumed() {
        return resumed;
    }

    static String itemKey(int index, int[] prompt) {
        return "prompt-" + index + "-" + Integer.toHexString(java.util.Arrays.hashCode(prompt));
    }

    private static String key(int[] prompt) {
        return java.util.Arrays.toString(prompt);
    }

    /** One continuation as run-log JSON, with the usage of its own request. */
    private static String write(Continuation c, Usage usage) {
        ObjectNode n = MachineJson.object();
        ArrayNode t = n.putArray("tokens");
        for (int id : c.tokens()) {
            t.add(id);
        }
        if (c.targetTop() != null) {
            ArrayNode rows = n.putArray("top");
            for (TopRow r : c.targetTop()) {
                ObjectNode row = rows.addObject();
                ArrayNode ids = row.putArray("ids");
                for (int id : r.ids()) {
                    ids.add(id);
                }
                ArrayNode lp = row.putArray("logprobs");
                for (double l : r.logprobs()) {
                    lp.add(l);
                }
            }
        }
        ObjectNode u = n.putObject("usage");
        u.put("prompt", usage.prompt());
        u.put("completion", usage.completion());
        return MachineJson.write(MachineJson.compact(), n);
    }

    private static Continuation continuation(int[] prompt, JsonNode n) {
        int[] tokens = ints(n.path("tokens"));
        List<TopRow> top = null;
        if (n.has("top")) {
            top = new ArrayList<>();
            for (JsonNode r : n.path("top")) {
                JsonNode lp = r.path("logprobs");
                top.add(new TopRow(ints(r.path("ids")), IntStream.range(0, lp.size()).mapToDouble(i -> lp.get(i)
                        .asDouble()).toArray()));
            }
        }
        return new Continuation(prompt, tokens, null, top);
    }

    private static int[] ints(JsonNode a) {
        return IntStream.range(0, a.size()).map(i -> a.get(i).asInt()).toArray();
    }

    private static JsonNode read(String text, String store) {
        return MachineJson.readTree(text, "store " + store + ": a recorded remote continuation");
    }
}
