package org.configspec.serve.protocol;

/**
 * POST /v1/sessions. Exactly one of {@code prompt} (token ids, BOS included if wanted) or {@code text} (tokenized by
 * the server with BOS). Sampling: {@code temperature} 0 or absent = greedy acceptance; otherwise the target's
 * distribution is softmax(logits / temperature) cut to {@code topK} / {@code topP}, and {@code seed} seeds the
 * session's acceptance draws.
 */
public record SessionRequest(int[] prompt, String text, Double temperature, Integer topK, Double topP, Long seed) {
    public SessionRequest {
        if ((prompt == null) == (text == null)) {
            throw ProtocolException.badRequest("give exactly one of 'prompt' (token ids) or 'text'");
        }
        if (prompt != null && prompt.length == 0) {
            throw ProtocolException.badRequest("'prompt' is empty: at least one token id is needed");
        }
        if (text != null && text.isEmpty()) {
            throw ProtocolException.badRequest("'text' is empty");
        }
        if (temperature != null && !(temperature >= 0 && temperature <= 100)) {
            throw ProtocolException.badRequest("'temperature' = " + temperature + ": allowed 0 (greedy) .. 100");
        }
        if (topK != null && topK < 0) {
            throw ProtocolException.badRequest("'topK' = " + topK + ": allowed 0 (off) or a positive count");
        }
        if (topP != null && !(topP > 0 && topP <= 1)) {
            throw ProtocolException.badRequest("'topP' = " + topP + ": allowed 0 < p <= 1");
        }
    }

    public static SessionRequest greedy(int[] prompt) {
        return new SessionRequest(prompt.clone(), null, null, null, null, null);
    }

    public static SessionRequest sampling(int[] prompt, double temperature, int topK, double topP, long seed) {
        return new SessionRequest(prompt.clone(), null, temperature, topK, topP, seed);
    }

    public boolean greedyAcceptance() {
        return temperature == null || temperature == 0;
    }
}
