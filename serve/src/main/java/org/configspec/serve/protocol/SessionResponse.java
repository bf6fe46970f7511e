package org.configspec.serve.protocol;

/**
 * Answer to POST /v1/sessions.
 *
 * @param session      the session id
 * @param position     committed length (prompt tokens)
 * @param contextLimit most committed + drafted tokens a session may hold
 * @param maxK         most draft tokens per verify
 * @param vocabSize    the target's vocabulary size (draft token ids must be below it)
 */
public record SessionResponse(String session, int position, int contextLimit, int maxK, int vocabSize) {
    public SessionResponse {
        if (session == null || session.isBlank()) {
            throw ProtocolException.badRequest("'session' is required");
        }
    }
}
