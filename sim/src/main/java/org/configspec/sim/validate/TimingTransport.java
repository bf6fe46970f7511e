package org.configspec.sim.validate;

import java.util.ArrayList;
import java.util.List;
import org.configspec.serve.client.VerifierException;
import org.configspec.serve.client.VerifierTransport;
import org.configspec.serve.protocol.SessionRequest;
import org.configspec.serve.protocol.SessionResponse;
import org.configspec.serve.protocol.VerifyRequest;
import org.configspec.serve.protocol.VerifyResponse;

/**
 * Passes every call to the real transport and records, for each answered verify, the time outside the verifier:
 * the call's wall time minus the queueing and decode time the verifier reports in the answer (the network, HTTP and
 * JSON share of the round trip). One client's thread at a time.
 */
final class TimingTransport implements VerifierTransport {
    private final VerifierTransport inner;
    private final List<Double> netSeconds = new ArrayList<>();

    TimingTransport(VerifierTransport inner) {
        this.inner = inner;
    }

    /** Seconds outside the verifier, one per answered verify. */
    List<Double> netSeconds() {
        return List.copyOf(netSeconds);
    }

    @Override
    public SessionResponse createSession(SessionRequest request) throws VerifierException {
        return inner.createSession(request);
    }

    @Override
    public VerifyResponse verify(String session, VerifyRequest request) throws VerifierException {
        long t0 = System.nanoTime();
        VerifyResponse v = inner.verify(session, request);
        double wall = (System.nanoTime() - t0) / 1e9;
        netSeconds.add(Math.max(0, wall - (v.timings().queueMs() + v.timings().decodeMs()) / 1e3));
        return v;
    }

    @Override
    public void deleteSession(String session) throws VerifierException {
        inner.deleteSession(session);
    }

    @Override
    public long bytesSent() {
        return inner.bytesSent();
    }

    @Override
    public long bytesReceived() {
        return inner.bytesReceived();
    }

    @Override
    public void close() {
        inner.close();
    }
}
