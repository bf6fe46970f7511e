/**
 * The edge client: drafts K tokens with a local draft model, asks the verifier over a {@link
 * org.configspec.serve.client.VerifierTransport}, commits the accepted tokens and the target's token, rolls its KV
 * cache back, and survives verifier restarts and dropped connections (retry, recreate, local fallback). K comes from a
 * {@link org.configspec.serve.client.KPolicy}.
 */
package org.configspec.serve.client;
