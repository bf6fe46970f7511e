package org.configspec.serve.client;

import org.configspec.serve.protocol.SessionRequest;
import org.configspec.serve.protocol.SessionResponse;
import org.configspec.serve.protocol.VerifyRequest;
import org.configspec.serve.protocol.VerifyResponse;

/** A transport that passes every call to a real one; fault injectors override what they break. */
abstract class ForwardingTransport implements VerifierTransport {
    protected final VerifierTransport real;

    ForwardingTransport(VerifierTransport real) {
        this.real = real;
    }

    @Override
    public SessionResponse createSession(SessionRequest request) throws VerifierException {
        return real.createSession(request);
    }

    @Override
    public VerifyResponse verify(String session, VerifyRequest request) throws VerifierException {
        return real.verify(session, request);
    }

    @Override
    public void deleteSession(String session) throws VerifierException {
        real.deleteSession(session);
    }

    @Override
    public long bytesSent() {
        return real.bytesSent();
    }

    @Override
    public long bytesReceived() {
        return real.bytesReceived();
    }

    @Override
    public void close() {
        real.close();
    }
}
