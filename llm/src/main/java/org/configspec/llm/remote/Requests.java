package org.configspec.llm.remote;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.json.MachineJson;
import org.configspec.llm.remote.RemoteTargetException.Reason;

/** Argument checks and request pieces the adapters share. */
final class Requests {
    /** The largest N any adapter asks for: a full 32000-entry row is megabytes of JSON per position. */
    static final int MAX_TOP_N = 1000;
    private static final Pattern MAX_ALLOWED = Pattern.compile("(?i)(greater than|more than|exceeds?|above)"
            + "[^0-9]{0,40}?(max(imum)?( allowed)?)?[^0-9]{0,20}(\\d+)");

    private Requests() {
    }

    static void checkGenerate(int[] prompt, int maxTokens, int topN) {
        checkIds(prompt, "prompt");
        if (maxTokens < 1 || maxTokens > 1 << 20) {
            throw new ConfigSpecException("tokens to generate = " + maxTokens + ": allowed 1.." + (1 << 20));
        }
        checkTopN(topN);
    }

    static void checkScore(int[] ids, int from, int topN) {
        checkIds(ids, "sequence");
        if (from < 1 || from >= ids.length) {
            throw new ConfigSpecException("first scored position = " + from + " of a " + ids.length
                    + "-token sequence: allowed 1.." + (ids.length - 1));
        }
        checkTopN(topN);
        if (topN < 1) {
            throw new ConfigSpecException("top-N = 0 for prompt scores: allowed 1.." + MAX_TOP_N);
        }
    }

    static void checkTopN(int topN) {
        if (topN < 0 || topN > MAX_TOP_N) {
            throw new ConfigSpecException("top-N = " + topN + ": allowed 0.." + MAX_TOP_N);
        }
    }

    private static void checkIds(int[] ids, String what) {
        if (ids == null || ids.length == 0) {
            throw new ConfigSpecException("empty " + what + ": allowed at least one token id");
        }
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0) {
                throw new ConfigSpecException(what + " token " + i + " = " + ids[i] + ": allowed ids >= 0");
            }
        }
    }

    static ArrayNode ids(int[] ids, int from, int to) {
        ArrayNode a = MachineJson.array();
        for (int i = from; i < to; i++) {
            a.add(ids[i]);
        }
        return a;
    }

    static ObjectNode object() {
        return MachineJson.object();
    }

    /**
     * A 4xx whose text says N was above the server's maximum (vLLM: "Requested sample logprobs of 30, which is greater
     * than max allowed: 20"; OpenAI: "... must be less than or equal to 5") as {@link Reason#CAPPED}; others as they are.
     */
    static RemoteTargetException capped(RemoteTargetException e, String what, int n) {
        if (e.reason() != Reason.REFUSED) {
            return e;
        }
        String m = e.getMessage();
        Matcher x = MAX_ALLOWED.matcher(m);
        boolean lessOrEqual = m.matches("(?s).*(less than or equal to|at most|<=)\\s*\\d+.*");
        if (!x.find() && !lessOrEqual) {
            return e;
        }
        return new RemoteTargetException(Reason.CAPPED, e.status(), what + " = " + n
                + " is above the server's cap; " + e.getMessage(), e);
    }
}
