/**
 * The verifier server: sessions, one decode thread that groups the verify calls of concurrent sessions, greedy and
 * rejection-sampling acceptance, HTTP routes. The target's rows come from a {@link
 * org.configspec.serve.verifier.VerificationBackend}: in-process, KV-cache sequences of one llama session and one
 * llama decode per group ({@link org.configspec.serve.verifier.LlamaBackend}); or a serving engine
 * (org.configspec.serve.backend).
 */
package org.configspec.serve.verifier;
