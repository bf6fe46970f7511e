package org.configspec.llm.remote;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.configspec.llm.engine.Tokenizer;
import org.configspec.llm.remote.RemoteTargetException.Reason;

/**
 * What a remote target can really do, each capability tested with one tiny request (a few tokens, greedy): token-id
 * prompts, token ids returned at the asked length ({@code ignore_eos}), generated-token top-N and the largest N of
 * {@value #LADDER_TEXT} the server accepts, prompt (teacher-forced) log-probabilities, and the seed field. A refusal is
 * recorded as "no" with the server's own words, never thrown; only a failure of the basic request (server down, 401,
 * wrong shape) is. {@link #compareTokenizer} checks the remote tokenizer against a local draft's.
 */
public final class CapabilityProbe {
    static final String LADDER_TEXT = "1, 5, 20, 100";
    private static final int[] LADDER = {1, 5, 20, 100};
    private static final int TOKENS = 4;
    private static final String PROMPT = "Once upon a time";

    /** One tested capability: available or not, and what was seen. */
    public record Check(String capability, boolean available, String detail) { }

    /** The tokenizer comparison: prompts compared and their tokens in all. */
    public record TokenizerCheck(String draft, int prompts, int tokens) { }

    /**
     * The probe's findings.
     *
     * @param url       the endpoint probed
     * @param server    what answered
     * @param maxTopN   the largest generated top-N accepted of {@value #LADDER_TEXT} (0 when none)
     * @param checks    every capability in the order tested
     * @param tokenizer the tokenizer comparison, or null when no draft was given
     */
    public record Report(String url, ServerIdentity server, int maxTopN, List<Check> checks,
                         TokenizerCheck tokenizer) {
        public Report {
            checks = List.copyOf(checks);
        }
    }

    private CapabilityProbe() {
    }

    /** Probes {@code target} with the token-id prompt {@code prompt} (e.g. BOS + "Once upon a time"). */
    public static Report probe(RemoteTarget target, String url, int[] prompt, TokenizerCheck tokenizer) {
        List<Check> checks = new ArrayList<>();
        Generation g = target.generate(prompt, TOKENS, 1, 1);
        checks.add(new Check("token-id prompt", true, prompt.length + " ids sent"));
        checks.add(new Check("token ids returned", true, Arrays.toString(g.ids())));
        checks.add(new Check("fixed length (ignore_eos)", g.ids().length == TOKENS, g.ids().length + " of " + TOKENS
                + " tokens"));
        int max = 0;
        String topDetail = "";
        for (int n : LADDER) {
            String refused = refusal(() -> target.generate(prompt, 1, n, 1));
            if (refused != null) {
                topDetail = "N=" + n + " refused: " + refused;
                break;
            }
            max = n;
        }
        checks.add(new Check("generated top-N", max > 0, max == 0 ? topDetail : "up to N=" + max
                + (topDetail.isEmpty() ? " (largest tried)" : "; " + topDetail)));
        int[] scored = Arrays.copyOf(prompt, prompt.length + 1);
        scored[prompt.length] = g.ids()[0];
        String scoreRefused = refusal(() -> target.score(scored, scored.length - 1, 1));
        Capabilities.PromptScoring mode = target.capabilities().promptScoring();
        checks.add(new Check("prompt log-probabilities", scoreRefused == null, scoreRefused != null ? scoreRefused
                : mode == Capabilities.PromptScoring.PER_POSITION ? "emulated: one request per position and one "
                + "more (the server returns no prompt log-probabilities)" : "one request per sequence"));
        Generation other = target.generate(prompt, TOKENS, 0, 2);
        checks.add(new Check("seed", true, Arrays.equals(other.ids(), g.ids()) ? "accepted; greedy output the same "
                + "for seeds 1 and 2" : "accepted; greedy output differs between seeds 1 and 2 (batch-variant "
                + "server?)"));
        String tok = refusal(() -> target.tokenize(PROMPT));
        checks.add(new Check("tokenize", tok == null, tok == null ? "/tokenize answers" : tok));
        return new Report(url, target.identity(), max, checks, tokenizer);
    }

    /**
     * The ids the probe sends: "Once upon a time" by {@code draft}'s tokenizer (BOS added) when given, else by the
     * server's own {@code /tokenize}, else the single id 1 (BOS of Llama-style vocabularies).
     */
    public static int[] prompt(RemoteTarget target, Tokenizer draft) {
        if (draft != null) {
            return draft.tokenize(PROMPT, true);
        }
        try {
            return target.tokenize(PROMPT);
        } catch (RemoteTargetException e) {
            if (e.reason() == Reason.UNSUPPORTED || e.reason() == Reason.NOT_FOUND) {
                return new int[] {1};
            }
            throw e;
        }
    }

    /** The server's refusal of a request as text, or null when it succeeded; other failures propagate. */
    private static String refusal(Supplier<?> request) {
        try {
            request.get();
            return null;
        } catch (RemoteTargetException e) {
            if (e.reason() == Reason.CAPPED || e.reason() == Reason.REFUSED || e.reason() == Reason.UNSUPPORTED
                    || e.reason() == Reason.NOT_FOUND) {
                return e.getMessage();
            }
            throw e;
        }
    }

    /**
     * Compares the remote tokenizer with {@code draft}'s (BOS added) on {@code prompts}; a one-line
     * {@link Reason#TOKENIZER_MISMATCH} naming the first prompt and position that differ.
     */
    public static TokenizerCheck compareTokenizer(RemoteTarget target, Tokenizer draft, String draftName,
                                                  List<String> prompts) {
        int tokens = 0;
        for (int i = 0; i < prompts.size(); i++) {
            String p = prompts.get(i);
            int[] remote;
            try {
                remote = target.tokenize(p);
            } catch (RemoteTargetException e) {
                if (e.reason() == Reason.UNSUPPORTED || e.reason() == Reason.NOT_FOUND) {
                    throw new RemoteTargetException(Reason.UNSUPPORTED, "--draft " + draftName + ": cannot compare "
                            + "tokenizers: " + e.getMessage());
                }
                throw e;
            }
            int[] local = draft.tokenize(p, true);
            if (!Arrays.equals(remote, local)) {
                int k = 0;
                while (k < Math.min(remote.length, local.length) && remote[k] == local[k]) {
                    k++;
                }
                throw new RemoteTargetException(Reason.TOKENIZER_MISMATCH, "--draft " + draftName + ": the target's "
                        + "tokenizer differs from the draft's on prompt " + (i + 1) + " ('" + abbreviate(p)
                        + "') at token " + k + ": target " + near(remote, k) + ", draft " + near(local, k)
                        + "; allowed: a draft with the target's vocabulary");
            }
            tokens += local.length;
        }
        return new TokenizerCheck(draftName, prompts.size(), tokens);
    }

    private static String near(int[] ids, int k) {
        return Arrays.toString(Arrays.copyOfRange(ids, Math.max(0, k - 1), Math.min(ids.length, k + 3)))
                + " (" + ids.length + " ids)";
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
