package org.configspec.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.configspec.llm.model.ModelStore;
import org.configspec.profile.align.AlignResult;
import org.configspec.profile.align.AlignSettings;
import org.configspec.profile.align.AlignmentProfiler;
import org.configspec.profile.align.CountingEngine;
import org.configspec.profile.align.GreedySpeculativeDecoder;
import org.configspec.profile.align.ProfilingModels;
import org.configspec.profile.align.PromptSource;

/**
 * Target forward passes needed by one-pass acceptance profiling (one target pass per prompt, speculative at K_max or
 * plain greedy, + one draft pass per prompt, every K replayed) versus profiling each K = 1..K_max separately with real greedy speculative
 * decoding. Passes are counted by a decorator on the target engine (decode calls and decoded tokens), not timed; wall
 * times of the same run are printed as secondary information, with the α(K) of both methods as a cross-check.
 * <p>Usage: {@code AlignPassesBench [prompts=4] [tokens=96] [kMax=10] [threads=1] [draft ...]}
 */
public final class AlignPassesBench {
    private AlignPassesBench() {
    }

    public static void main(String[] args) {
        int nPrompts = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int tokens = args.length > 1 ? Integer.parseInt(args[1]) : 96;
        int kMax = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        List<String> drafts = args.length > 4 ? List.of(args).subList(4, args.length)
                : List.of("stories15M-q8_0", "stories15M-q8_0-l5", "stories15M-q8_0-l4");
        List<String> prompts = PromptSource.builtin().prompts().subList(0, nPrompts);
        System.out.printf(Locale.ROOT, "target passes: one-pass profiling vs real speculative decoding per K; target "
                + "stories15M-f32, %d prompts x %d tokens, K = 1..%d, %d thread(s)%n", nPrompts, tokens, kMax, threads);
        for (String draftName : drafts) {
            try (ProfilingModels models = new ProfilingModels(ModelStore.defaultStore(), "stories15M-f32",
                    List.of(draftName), threads)) {
                bench(models, draftName, prompts, tokens, kMax, threads);
            }
        }
    }

    private static void bench(ProfilingModels models, String draftName, List<String> prompts, int tokens, int kMax,
                              int threads) {
        CountingEngine target = new CountingEngine(models.target());
        CountingEngine draft = new CountingEngine(models.drafts().get(0).engine());
        AlignSettings s = new AlignSettings(kMax, tokens, Math.min(4, kMax), null, 42, threads, Double.NaN, 2,
                prompts.size(), AlignSettings.TargetPassKind.GREEDY);
        long t0 = System.nanoTime();
        List<AlignmentProfiler.Draft> d = List.of(new AlignmentProfiler.Draft(models.drafts().get(0).ref(), draft));
        AlignResult greedyPass = new AlignmentProfiler(target, models.targetRef(), d, s)
                .run(prompts, PromptSource.BUILTIN);
        double greedySeconds = (System.nanoTime() - t0) / 1e9;
        long greedyCalls = target.decodeCalls();
        long greedyTokens = target.decodedTokens();
        long greedyDraftCalls = draft.decodeCalls();
        target.reset();
        draft.reset();
        t0 = System.nanoTime();
        AlignResult one = new AlignmentProfiler(target, models.targetRef(), d,
                s.withTargetPass(AlignSettings.TargetPassKind.SPECULATIVE)).run(prompts, PromptSource.BUILTIN);
        double oneSeconds = (System.nanoTime() - t0) / 1e9;
        long oneCalls = target.decodeCalls();
        long oneTokens = target.decodedTokens();
        long oneDraftCalls = draft.decodeCalls();
        for (int k = 1; k <= kMax; k++) {
            if (greedyPass.drafts().get(0).at(k).alphaPooled() != one.drafts().get(0).at(k).alphaPooled()) {
                System.out.printf(Locale.ROOT, "note: K=%d alpha differs between target passes (%.4f greedy, %.4f "
                        + "speculative)%n", k, greedyPass.drafts().get(0).at(k).alphaPooled(),
                        one.drafts().get(0).at(k).alphaPooled());
            }
        }

        List<int[]> promptTokens = new ArrayList<>();
        prompts.forEach(p -> promptTokens.add(models.target().tokenizer().tokenize(p, true)));
        GreedySpeculativeDecoder real = new GreedySpeculativeDecoder(target, draft);
        System.out.printf(Locale.ROOT, "%ndraft %s%n%3s %12s %13s %12s %9s %14s%n", draftName, "K",
                "target calls", "target tokens", "draft calls", "wall [s]", "alpha real/replay");
        long perKCalls = 0;
        long perKTokens = 0;
        long perKDraftCalls = 0;
        double perKSeconds = 0;
        for (int k = 1; k <= kMax; k++) {
            target.reset();
            draft.reset();
            long t1 = System.nanoTime();
            long accepted = 0;
            long rounds = 0;
            for (int[] p : promptTokens) {
                GreedySpeculativeDecoder.Result r = real.run(p, k, tokens);
                int n = r.committed().length;
                for (GreedySpeculativeDecoder.Round x : r.rounds()) {
                    if (x.k() == k && x.start() + k < n) {
                        accepted += x.accepted();
                        rounds++;
                    }
                }
            }
            double sec = (System.nanoTime() - t1) / 1e9;
            System.out.printf(Locale.ROOT, "%3d %12d %13d %12d %9.2f %7.3f/%.3f%n", k, target.decodeCalls(),
                    target.decodedTokens(), draft.decodeCalls(), sec, (double) accepted / rounds / k,
                    one.drafts().get(0).at(k).alphaPooled());
            perKCalls += target.decodeCalls();
            perKTokens += target.decodedTokens();
            perKDraftCalls += draft.decodeCalls();
            perKSeconds += sec;
        }
        System.out.printf(Locale.ROOT, "%3s %12d %13d %12d %9.2f   (sum over K = 1..%d, real speculative decoding)%n",
                "all", perKCalls, perKTokens, perKDraftCalls, perKSeconds, kMax);
        System.out.printf(Locale.ROOT, "%3s %12d %13d %12d %9.2f   (one-pass profiling, speculative target pass)%n",
                "1p", oneCalls,
                oneTokens, oneDraftCalls, oneSeconds);
        System.out.printf(Locale.ROOT, "%3s %12d %13d %12d %9.2f   (one-pass profiling, greedy target pass)%n", "1g",
                greedyCalls, greedyTokens, greedyDraftCalls, greedySeconds);
        System.out.printf(Locale.ROOT, "ratio per-K / one-pass (speculative target pass): target decode calls %.1fx, "
                        + "target tokens %.1fx, draft calls %.1fx, wall time %.1fx%n", (double) perKCalls / oneCalls,
                (double) perKTokens / oneTokens, (double) perKDraftCalls / oneDraftCalls, perKSeconds / oneSeconds);
        System.out.printf(Locale.ROOT, "ratio per-K / one-pass (greedy target pass):      target decode calls %.1fx, "
                        + "target tokens %.1fx, draft calls %.1fx, wall time %.1fx%n", (double) perKCalls / greedyCalls,
                (double) perKTokens / greedyTokens, (double) perKDraftCalls / greedyDraftCalls,
                perKSeconds / greedySeconds);
    }
}
