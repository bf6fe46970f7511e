/**
 * The verifier server: sessions on KV-cache sequences of one llama session, one decode thread that batches the
 * verify calls of concurrent sessions into one llama decode, greedy and rejection-sampling acceptance, HTTP routes.
 */
package org.configspec.serve.verifier;
