package org.configspec.serve.protocol;

import java.util.List;

/**
 * POST /v1/sessions/{id}/verify.
 *
 * @param position   committed length the client believes (makes the call idempotent: a server ahead rolls back)
 * @param draft      K drafted token ids (K may be 0: the call then returns only the target's next token)
 * @param draftProbs for sampling sessions: the draft's distribution at each drafted position (K entries); absent for
 *                   greedy sessions
 */
public record VerifyRequest(Integer position, int[] draft, List<SparseDistribution> draftProbs) {
    public VerifyRequest {
        if (position == null || position < 1) {
            throw ProtocolException.badRequest("'position' = " + position + ": allowed a committed length >= 1");
        }
        if (draft == null) {
            throw ProtocolException.badRequest("'draft' is required (an array of token ids, possibly empty)");
        }
        for (int t : draft) {
            if (t < 0) {
                throw ProtocolException.badRequest("'draft' holds a negative token id " + t);
            }
        }
        if (draftProbs != null) {
            if (draftProbs.size() != draft.length) {
                throw ProtocolException.badRequest("'draftProbs' has " + draftProbs.size() + " entries for "
                        + draft.length + " drafted tokens: must match");
            }
            for (int i = 0; i < draft.length; i++) {
                if (draftProbs.get(i) == null) {
                    throw ProtocolException.badRequest("'draftProbs' entry " + i + " is null");
                }
                if (!(draftProbs.get(i).probability(draft[i]) > 0)) {
                    throw ProtocolException.badRequest("'draftProbs' entry " + i + " gives drafted token " + draft[i]
                            + " probability 0");
                }
            }
            draftProbs = List.copyOf(draftProbs);
        }
        draft = draft.clone();
    }

    @Override
    public int[] draft() {
        return draft.clone();
    }

    public int k() {
        return draft.length;
    }
}
