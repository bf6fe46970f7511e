/**
 * The target on a serving engine: one small adapter per wire API (llama.cpp's llama-server, vLLM, SGLang, an
 * OpenAI-compatible legacy completions endpoint) behind {@link org.configspec.llm.remote.RemoteTarget}, opened by
 * {@link org.configspec.llm.remote.RemoteTargets#open}. Every request sends token ids, never text, and reads ids back;
 * log-probabilities come back as top-N rows ({@link org.configspec.llm.remote.PositionTop}). Failures are one line
 * ({@link org.configspec.llm.remote.RemoteTargetException}); 429 and 5xx are retried with back-off
 * ({@link org.configspec.llm.remote.RetryPolicy}), other 4xx never.
 */
package org.configspec.llm.remote;
