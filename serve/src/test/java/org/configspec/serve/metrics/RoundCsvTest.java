package org.configspec.serve.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-round CSV is locked: header and number formats. */
class RoundCsvTest {
    @Test
    void rendersOneRowPerRound() {
        String csv = RoundCsv.render(List.of(new RoundRecord(4, 2, 3, 0.0125, 0.0611, 70, 120, 1),
                new RoundRecord(4, 4, 5, 0.01, 0.05, 71, 121, 2, 0.0123)));
        assertThat(csv).isEqualTo("""
                round,k,accepted,committed,draft_s,round_trip_s,bytes_sent,bytes_received,batch_size,verifier_s
                1,4,2,3,0.012500,0.061100,70,120,1,
                2,4,4,5,0.010000,0.050000,71,121,2,0.012300
                """);
    }
}
