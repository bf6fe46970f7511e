package org.configspec.serve.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-round CSV is locked: header and number formats. */
class RoundCsvTest {
    @Test
    void rendersOneRowPerRound() {
        String csv = RoundCsv.render(List.of(new RoundRecord(4, 2, 3, 0.0125, 0.0611, 70, 120, 1),
                new RoundRecord(4, 4, 5, 0.01, 0.05, 71, 121, 2, 0.0123),
                new RoundRecord(4, 4, 5, 0.0015, 0.02, 71, 121, 1, 0.0123, 3, 0.0061)));
        assertThat(csv).isEqualTo("""
                round,k,accepted,committed,draft_s,round_trip_s,bytes_sent,bytes_received,batch_size,verifier_s,\
                ahead_tokens,ahead_s
                1,4,2,3,0.012500,0.061100,70,120,1,,0,0.000000
                2,4,4,5,0.010000,0.050000,71,121,2,0.012300,0,0.000000
                3,4,4,5,0.001500,0.020000,71,121,1,0.012300,3,0.006100
                """);
    }
}
