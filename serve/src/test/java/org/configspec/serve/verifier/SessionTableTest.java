package org.configspec.serve.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.configspec.serve.protocol.ProtocolException;
import org.junit.jupiter.api.Test;

/**
 * Sequence ids are handed out lowest first, so open sessions keep neighbouring KV-cache slots (llama.cpp puts only
 * consecutive sequences of a batch into one micro-batch; see LlamaBackend#score).
 */
class SessionTableTest {
    @Test
    void theLowestFreeSequenceIdIsHandedOutFirstAfterFrees() {
        SessionTable t = new SessionTable(6);
        for (int s = 0; s < 6; s++) {
            assertThat(t.allocateSeq()).isEqualTo(s);
        }
        t.releaseSeq(4);
        t.releaseSeq(1);
        t.releaseSeq(1);
        assertThat(t.allocateSeq()).isEqualTo(1);
        assertThat(t.allocateSeq()).isEqualTo(4);
        assertThatThrownBy(t::allocateSeq).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("too many sessions");
    }
}
