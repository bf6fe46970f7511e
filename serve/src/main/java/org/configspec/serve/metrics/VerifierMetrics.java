package org.configspec.serve.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * The verifier's meters (Prometheus names in brackets): verify rounds [configspec_verify_rounds_total], drafted and
 * accepted tokens [configspec_drafted_tokens_total, configspec_accepted_tokens_total], per-position drafted/accepted
 * counters (position 1 = first drafted token) [configspec_position_drafted_total, configspec_position_accepted_total],
 * verify latency from arrival to answer [configspec_verify_latency_seconds histogram], batch size in sessions per
 * llama decode [configspec_batch_size histogram], batches holding more than one session
 * [configspec_multi_session_batches_total], rejected requests by status [configspec_rejected_requests_total] and
 * open sessions [configspec_sessions]. Overload: jobs waiting for the decode thread [configspec_decode_queue_depth],
 * seconds the decode thread spent decoding and accepting verify batches [configspec_decode_busy_seconds_total; its
 * rate is the decode thread's utilisation], each verify's wait from arrival to its batch's decode
 * [configspec_batch_wait_seconds histogram], requests with a body in flight [configspec_requests_in_flight] and open
 * connections [configspec_open_connections]; refusals for overload are configspec_rejected_requests_total{status="429"}.
 */
public final class VerifierMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter rounds;
    private final Counter drafted;
    private final Counter accepted;
    private final Counter multiBatches;
    private final Counter[] positionDrafted;
    private final Counter[] positionAccepted;
    private final Timer latency;
    private final DistributionSummary batchSize;
    private final AtomicInteger sessions = new AtomicInteger();
    private final Counter decodeBusy;
    private final Timer batchWait;

    public VerifierMetrics(int maxK, int maxBatch) {
        rounds = Counter.builder("configspec.verify.rounds").description("verify calls answered").register(registry);
        drafted = Counter.builder("configspec.drafted.tokens").description("draft tokens verified").register(registry);
        accepted = Counter.builder("configspec.accepted.tokens").description("draft tokens accepted").register(registry);
        multiBatches = Counter.builder("configspec.multi.session.batches")
                .description("llama decodes holding more than one session's verify").register(registry);
        positionDrafted = new Counter[maxK];
        positionAccepted = new Counter[maxK];
        for (int i = 0; i < maxK; i++) {
            String pos = Integer.toString(i + 1);
            positionDrafted[i] = Counter.builder("configspec.position.drafted").tag("position", pos)
                    .description("rounds that drafted a token at this position").register(registry);
            positionAccepted[i] = Counter.builder("configspec.position.accepted").tag("position", pos)
                    .description("rounds that accepted the token at this position").register(registry);
        }
        latency = Timer.builder("configspec.verify.latency").description("verify arrival to answer")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10)).register(registry);
        double[] slos = new double[maxBatch];
        for (int i = 0; i < maxBatch; i++) {
            slos[i] = i + 1;
        }
        batchSize = DistributionSummary.builder("configspec.batch.size").description("sessions per llama decode")
                .serviceLevelObjectives(slos).register(registry);
        registry.gauge("configspec.sessions", sessions);
        decodeBusy = Counter.builder("configspec.decode.busy.seconds")
                .description("decode-thread seconds spent on verify batches (rate = utilisation)").register(registry);
        batchWait = Timer.builder("configspec.batch.wait").description("verify arrival to its batch's decode")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10)).register(registry);
    }

    /** The registry behind {@link #scrape()}, for meters of the verifier's parts (a serving-engine backend). */
    public io.micrometer.core.instrument.MeterRegistry registry() {
        return registry;
    }

    /** Registers the overload gauges, read at each scrape. */
    public void overloadGauges(IntSupplier queueDepth, IntSupplier requestsInFlight, IntSupplier openConnections) {
        io.micrometer.core.instrument.Gauge.builder("configspec.decode.queue.depth", queueDepth::getAsInt)
                .description("verifies and session creations waiting for or on the decode thread").register(registry);
        io.micrometer.core.instrument.Gauge.builder("configspec.requests.in.flight", requestsInFlight::getAsInt)
                .description("requests with a body being received or processed").register(registry);
        io.micrometer.core.instrument.Gauge.builder("configspec.open.connections", openConnections::getAsInt)
                .description("open TCP connections").register(registry);
    }

    /**
     * One answered verify: its wait for the batch and its share of the batch's decode time (a batch of n verifies
     * reports the same decode time to each, so each adds 1/n of it).
     */
    public void verifyTimings(double queueMs, double decodeMs, int batchSize) {
        batchWait.record(Duration.ofNanos(Math.max(0, Math.round(queueMs * 1e6))));
        decodeBusy.increment(Math.max(0, decodeMs) / 1e3 / Math.max(1, batchSize));
    }

    public double decodeBusySeconds() {
        return decodeBusy.count();
    }

    /** Mean wait of a verify from its arrival to its batch's decode, ms (NaN before the first). */
    public double meanBatchWaitMs() {
        return batchWait.count() == 0 ? Double.NaN : batchWait.mean(java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Verify batches decoded. */
    public long batches() {
        return batchSize.count();
    }

    public void round(int k, int acceptedTokens) {
        rounds.increment();
        drafted.increment(k);
        accepted.increment(acceptedTokens);
        for (int i = 0; i < k && i < positionDrafted.length; i++) {
            positionDrafted[i].increment();
            if (i < acceptedTokens) {
                positionAccepted[i].increment();
            }
        }
    }

    public void batch(int sessionsInBatch) {
        batchSize.record(sessionsInBatch);
        if (sessionsInBatch > 1) {
            multiBatches.increment();
        }
    }

    public void latency(long nanos) {
        latency.record(Duration.ofNanos(nanos));
    }

    public double rejectedCount(int status) {
        Counter c = registry.find("configspec.rejected.requests").tag("status", Integer.toString(status)).counter();
        return c == null ? 0 : c.count();
    }

    public void rejected(int status) {
        Counter.builder("configspec.rejected.requests").tag("status", Integer.toString(status)).register(registry)
                .increment();
    }

    public void sessions(int open) {
        sessions.set(open);
    }

    public double multiSessionBatches() {
        return multiBatches.count();
    }

    public double maxBatchSize() {
        return batchSize.max();
    }

    public double meanBatchSize() {
        return batchSize.mean();
    }

    public double rounds() {
        return rounds.count();
    }

    public double acceptedTokens() {
        return accepted.count();
    }

    public double draftedTokens() {
        return drafted.count();
    }

    public double meanLatencyMs() {
        return latency.mean(java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }
}
