package org.configspec.profile.align;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.configspec.llm.NeedsLlama;
import org.configspec.llm.engine.Generator;
import org.configspec.llm.engine.LlamaSession;
import org.configspec.llm.sampling.Sampler;
import org.configspec.llm.sampling.SamplingParams;
import org.junit.jupiter.api.Test;

/**
 * The key property of one-pass profiling: replaying every K from one target continuation and one teacher-forced
 * draft pass gives, round by round, the accepted lengths and the committed text of REAL greedy speculative decoding
 * run separately for each K (target verifies K drafted tokens in one batch, both KV caches rolled back).
 */
@NeedsLlama
class ReplayEqualsRealSpeculativeDecodingTest {
    static final int TOKENS = 48;
    static final int K_MAX = 8;

    @Test
    void replayedRoundsEqualRealSpeculativeRoundsForEveryKUpTo8() {
        LlamaSession target = AlignFixture.session(AlignFixture.TARGET);
        List<String> prompts = AlignFixture.prompts().subList(0, 3);
        for (String draftName : List.of(AlignFixture.L5, AlignFixture.L4)) {
            LlamaSession draft = AlignFixture.session(draftName);
            SpeculativeTargetPass pass = new SpeculativeTargetPass(target, draft, K_MAX, null);
            DraftPass draftPass = new DraftPass(draft, null);
            GreedySpeculativeDecoder real = new GreedySpeculativeDecoder(target, draft);
            for (String text : prompts) {
                int[] prompt = target.tokenizer().tokenize(text, true);
                Continuation c = pass.continuation(prompt, TOKENS);
                assertThat(c.length()).as("no end-of-sequence within %d tokens of '%s'", TOKENS, text)
                        .isEqualTo(TOKENS);
                Alignment a = draftPass.align(c);
                int accepted = 0;
                for (int k = 1; k <= K_MAX; k++) {
                    GreedySpeculativeDecoder.Result r = real.run(prompt, k, TOKENS);
                    int kk = k;
                    List<GreedySpeculativeDecoder.Round> counted = r.rounds().stream()
                            .filter(x -> x.k() == kk && x.start() + kk < c.length()).toList();
                    String where = draftName + " '" + text + "' K=" + k;
                    assertThat(r.committed()).as("committed tokens, " + where).isEqualTo(c.tokens());
                    assertThat(counted.stream().mapToInt(GreedySpeculativeDecoder.Round::accepted).toArray())
                            .as("accepted length per round, " + where).isEqualTo(a.acceptedLengths(k));
                    assertThat(counted.stream().mapToInt(GreedySpeculativeDecoder.Round::start).toArray())
                            .as("round starts, " + where).isEqualTo(GreedyReplay.roundStarts(a.matches(), k));
                    accepted += counted.stream().mapToInt(GreedySpeculativeDecoder.Round::accepted).sum();
                }
                assertThat(accepted).as("some drafted tokens accepted for " + draftName).isPositive();
            }
        }
    }

    @Test
    void speculativeTargetPassCommitsTheTargetsPlainGreedyContinuationWhicheverThePilotDraft() {
        LlamaSession target = AlignFixture.session(AlignFixture.TARGET);
        LlamaSession draft = AlignFixture.session(AlignFixture.L5);
        String text = AlignFixture.prompts().get(0);
        int[] prompt = target.tokenizer().tokenize(text, true);
        Continuation c = new SpeculativeTargetPass(target, draft, K_MAX, null).continuation(prompt, TOKENS);
        int[] plain = Generator.generate(target, prompt, TOKENS, new Sampler(SamplingParams.greedy()), null).tokens();
        assertThat(c.tokens()).isEqualTo(plain);
        assertThat(new GreedyTargetPass(target, null).continuation(prompt, TOKENS).tokens())
                .as("plain greedy target pass").isEqualTo(plain);
        for (String pilot : List.of(AlignFixture.Q8, AlignFixture.L4)) {
            assertThat(new SpeculativeTargetPass(target, AlignFixture.session(pilot), K_MAX, null)
                    .continuation(prompt, TOKENS).tokens()).as("continuation with pilot " + pilot).isEqualTo(plain);
        }
        assertThat(target.tokenizer().detokenizeToString(c.tokens()))
                .startsWith(", there was a little girl named Lily. She loved to play outside in the sunshine.");
    }
}
