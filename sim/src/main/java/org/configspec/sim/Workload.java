package org.configspec.sim;

import org.configspec.core.error.ConfigSpecException;

/**
 * How sessions come and go. {@link #STEADY} (the default): every client opens one session at time 0 and decodes until
 * the end, with no prompt. Otherwise:
 * <ul>
 *   <li>{@code arrivalRate} = 0: all clients start at time 0; with {@code sessionTokens} > 0 a client whose session has
 *       committed that many tokens closes it and opens the next at once (a closed loop of N devices).</li>
 *   <li>{@code arrivalRate} > 0: sessions arrive as a Poisson process of that rate per second, each a new device (a
 *       fresh K policy) that generates {@code sessionTokens} tokens and leaves; at most N (--clients) sessions are
 *       open at once, as serve's --max-sessions, and an arrival beyond that is rejected (counted).</li>
 *   <li>Each session's prompt length is drawn from {@code prompt}; opening it costs the verifier a prefill of
 *       {@code prefillPerTokenS} × prompt tokens, queued as a job of its own (serve's decode loop runs a session
 *       creation alone, between batches), after half a round trip up; the answer takes the other half. The context
 *       (prompt + committed tokens) is reported; the service time of a verify does not depend on it here.</li>
 * </ul>
 */
public record Workload(double arrivalRate, int sessionTokens, PromptLength prompt, double prefillPerTokenS) {
    public static final Workload STEADY = new Workload(0, 0, PromptLength.NONE, 0);

    public Workload {
        if (!(arrivalRate >= 0) || Double.isInfinite(arrivalRate) || arrivalRate > 1e6) {
            throw new ConfigSpecException("--rate = " + arrivalRate + " sessions/s: allowed a finite number >= 0, up to 10^6");
        }
        if (sessionTokens < 0 || sessionTokens > 1 << 24) {
            throw new ConfigSpecException("--session-tokens = " + sessionTokens + ": allowed 0 (endless)..16777216");
        }
        if (arrivalRate > 0 && sessionTokens == 0) {
            throw new ConfigSpecException("--arrival poisson needs --session-tokens N (how long each session decodes)");
        }
        if (prompt == null) {
            prompt = PromptLength.NONE;
        }
        if (!(prefillPerTokenS >= 0) || prefillPerTokenS > 10) {
            throw new ConfigSpecException("--prefill-per-token = " + prefillPerTokenS + " s: allowed 0..10 s");
        }
    }

    public boolean poisson() {
        return arrivalRate > 0;
    }

    public boolean steady() {
        return equals(STEADY);
    }

    public String describe() {
        StringBuilder b = new StringBuilder(poisson() ? "Poisson arrivals, " + Text.num(arrivalRate) + " sessions/s"
                : "all clients from time 0");
        b.append(sessionTokens == 0 ? ", endless sessions" : ", " + sessionTokens + " tokens per session");
        b.append("; prompt ").append(prompt.describe());
        if (prefillPerTokenS > 0) {
            b.append(", prefill ").append(Text.ms(prefillPerTokenS)).append(" per token");
        }
        return b.toString();
    }
}
