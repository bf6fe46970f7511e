package org.configspec.serve.client;

import org.configspec.serve.protocol.SessionRequest;
import org.configspec.serve.protocol.SessionResponse;
import org.configspec.serve.protocol.VerifyRequest;
import org.configspec.serve.protocol.VerifyResponse;

/** The I/O seam between the edge client and a verifier (HTTP in production; wrappers inject faults in tests). */
public interface VerifierTransport extends AutoCloseable {
    SessionResponse createSession(SessionRequest request) throws VerifierException;

    VerifyResponse verify(String session, VerifyRequest request) throws VerifierException;

    void deleteSession(String session) throws VerifierException;

    /** Payload bytes sent so far (request bodies). */
    long bytesSent();

    /** Payload bytes received so far (response bodies). */
    long bytesReceived();

    @Override
    void close();
}
