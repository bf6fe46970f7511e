package org.configspec.serve.validate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.configspec.core.acceptance.IidCurve;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.domain.Pricing;
import org.configspec.core.model.AnalyticModel;
import org.configspec.core.model.Billing;
import org.configspec.core.model.VerifyTime;
import org.configspec.core.stats.LeastSquares;
import org.configspec.core.validation.StoredInputs;
import org.configspec.core.validation.ValidationPoint;
import org.configspec.core.validation.ValidationReport;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.serve.client.ClientOptions;
import org.configspec.serve.client.EdgeClient;
import org.configspec.serve.client.FixedK;
import org.configspec.serve.client.HttpVerifierTransport;
import org.configspec.serve.client.OptimalK;
import org.configspec.serve.client.VerifierTransport;
import org.configspec.serve.link.DirectionSpec;
import org.configspec.serve.link.HostPort;
import org.configspec.serve.link.Link;
import org.configspec.serve.link.LinkEmulator;
import org.configspec.serve.link.LinkSpec;
import org.configspec.serve.metrics.RoundRecord;

/**
 * Runs real greedy sessions for every K in 1..kMax through the link emulator at each RTT against a running
 * verifier, then compares them with the analytic model (core's AnalyticModel) fed by what the runs measured: the i.i.d.
 * acceptance fit, the draft speed and T_v(K) = RTT + fixed + perToken·(K + 1) fitted by least squares to the round
 * trips of the lowest RTT (minus that RTT). One discarded warm-up run per RTT comes first. With {@link StoredInputs}
 * the acceptance and the draft speed (and power, for J per token) come from stored profiles instead; the verify-time
 * fit stays measured. Tokens per $ use paper billing (K drafted tokens billed as output per round).
 */
public final class Validator {
    private final LlamaModel draft;
    private final String verifierHostPort;
    private final ClientOptions options;

    /** @param verifierHostPort the verifier's HOST:PORT (the link forwards to it) */
    public Validator(LlamaModel draft, String verifierHostPort, ClientOptions options) {
        this.draft = draft;
        this.verifierHostPort = verifierHostPort;
        this.options = options;
    }

    private record Cell(double rttMs, int k, List<RoundRecord> rounds, double goodput) {
    }

    /** The model fed by these runs only; tokens per $ at the default output price. */
    public ValidationReport run(List<int[]> prompts, int tokens, int kMax, List<Double> rttsMs)
            throws InterruptedException {
        return run(prompts, tokens, kMax, rttsMs, null, DEFAULT_PRICE_OUTPUT);
    }

    /** Default output price for tokens per $, $ per million tokens. */
    public static final double DEFAULT_PRICE_OUTPUT = 0.9;

    /**
     * @param stored             stored acceptance and draft inputs to feed the model with, or null to fit them from
     *                           these runs
     * @param priceOutputPerMTok output price in $ per million tokens (paper billing)
     */
    public ValidationReport run(List<int[]> prompts, int tokens, int kMax, List<Double> rttsMs, StoredInputs stored,
                                double priceOutputPerMTok) throws InterruptedException {
        if (!(priceOutputPerMTok > 0)) {
            throw new ConfigSpecException("--price-output = " + priceOutputPerMTok + ": must be > 0");
        }
        if (prompts.isEmpty() || rttsMs.isEmpty() || kMax < 1 || tokens < 2) {
            throw new ConfigSpecException("validate needs prompts, RTTs, K max >= 1 and tokens >= 2");
        }
        HostPort upstream = HostPort.parse(verifierHostPort, "--verifier");
        List<Cell> cells = new ArrayList<>();
        for (double rtt : rttsMs) {
            DirectionSpec d = DirectionSpec.IDEAL.withDelay(Duration.ofNanos(Math.round(rtt / 2 * 1e6)));
            try (Link link = LinkEmulator.start(LinkSpec.symmetric(new HostPort("127.0.0.1", 0), upstream, d, 1));
                 VerifierTransport t = new HttpVerifierTransport("http://127.0.0.1:" + link.localPort(), null,
                         Duration.ofSeconds(30))) {
                EdgeClient client = new EdgeClient(draft, t, options, null);
                // warm-up (JIT, connection, caches), discarded
                client.run(prompts.get(0), Math.min(tokens, 16), new FixedK(Math.min(2, kMax)), null);
                for (int k = 1; k <= kMax; k++) {
                    List<RoundRecord> rounds = new ArrayList<>();
                    double goodput = 0;
                    for (int[] p : prompts) {
                        EdgeClient.Result r = client.run(p, tokens, new FixedK(k), null);
                        // the last rounds are clipped to hit exactly n tokens: keep full-K rounds only
                        for (RoundRecord rr : r.summary().roundRecords()) {
                            if (rr.k() == k) {
                                rounds.add(rr);
                            }
                        }
                        goodput += r.summary().goodput();
                    }
                    cells.add(new Cell(rtt, k, rounds, goodput / prompts.size()));
                }
            }
        }
        return compare(cells, rttsMs.stream().mapToDouble(Double::doubleValue).min().orElse(0), stored,
                priceOutputPerMTok);
    }

    private static ValidationReport compare(List<Cell> cells, double baseRtt, StoredInputs stored, double price) {
        long accepted = 0;
        long rejections = 0;
        long drafted = 0;
        double draftSeconds = 0;
        for (Cell c : cells) {
            for (RoundRecord r : c.rounds()) {
                accepted += r.accepted();
                rejections += r.accepted() < r.k() ? 1 : 0;
                drafted += r.k();
                draftSeconds += r.draftSeconds();
            }
        }
        double a = OptimalK.fittedRate(accepted, rejections);
        double rd = stored == null ? drafted / draftSeconds : stored.draftTokensPerSecond();
        double powerW = stored == null ? Double.NaN : stored.draftPowerW();
        // least squares of (round trip - base RTT) on (K + 1) over the base-RTT rounds
        List<double[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (Cell c : cells) {
            if (c.rttMs() != baseRtt) {
                continue;
            }
            for (RoundRecord r : c.rounds()) {
                xs.add(new double[] {1, r.k() + 1});
                ys.add(r.roundTripSeconds() - baseRtt / 1000);
            }
        }
        int n = xs.size();
        double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
        LeastSquares.Fit fit = n > 0 ? LeastSquares.solve(xs.toArray(double[][]::new), y) : null;
        // neither part negative: a negative slope (or a single K) leaves the mean as the fixed part
        double slope = fit == null ? 0 : Math.max(0, fit.coefficients()[1]);
        double meanX = xs.stream().mapToDouble(x -> x[1]).average().orElse(0);
        double intercept = n > 0 ? Math.max(0, Arrays.stream(y).average().orElse(0) - slope * meanX) : 0;
        List<ValidationPoint> points = new ArrayList<>();
        for (Cell c : cells) {
            VerifyTime tv = new VerifyTime(c.rttMs() / 1000, intercept, slope);
            int k = c.k();
            boolean fallback = false;
            double e;
            if (stored == null) {
                e = new IidCurve(a).tokensPerRound(k);
            } else if (stored.acceptance().supports(k)) {
                e = stored.acceptance().tokensPerRound(k);
            } else {
                e = stored.iidFallback().tokensPerRound(k);
                fallback = true;
            }
            double measuredE = c.rounds().stream().mapToInt(RoundRecord::committed).average().orElse(Double.NaN);
            double measuredRt = 1000 * c.rounds().stream().mapToDouble(RoundRecord::roundTripSeconds).average()
                    .orElse(Double.NaN);
            long committed = c.rounds().stream().mapToLong(RoundRecord::committed).sum();
            double cellDraftSeconds = c.rounds().stream().mapToDouble(RoundRecord::draftSeconds).sum();
            double usdPerRound = new Billing.Paper().usdPerRound(Pricing.outputOnly(price), k, 0);
            double measuredTpu = committed / (c.rounds().size() * usdPerRound);
            double predictedTpu = AnalyticModel.tokensPerUsd(e, usdPerRound);
            double measuredJ = powerW * cellDraftSeconds / committed;
            double predictedJ = AnalyticModel.joulesPerToken(powerW, k, rd, e, 0);
            points.add(new ValidationPoint(c.rttMs(), k, c.rounds().size(), measuredE, e, c.goodput(),
                    AnalyticModel.goodput(e, k, rd, tv.seconds(k)), measuredRt, 1000 * tv.seconds(k), fallback,
                    measuredTpu, predictedTpu, measuredJ, predictedJ));
        }
        return new ValidationReport(a, rd, 1000 * intercept, 1000 * slope, points, stored, price);
    }
}
