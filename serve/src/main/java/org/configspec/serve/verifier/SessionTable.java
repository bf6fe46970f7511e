package org.configspec.serve.verifier;

import java.security.SecureRandom;
import java.util.BitSet;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.configspec.serve.protocol.ProtocolException;

/** Open sessions by id and the free KV-cache sequence ids (reused after a session is freed). */
final class SessionTable {
    private final Map<String, ServerSession> sessions = new ConcurrentHashMap<>();
    /** Free sequence ids; the lowest is handed out first, so open sessions keep neighbouring slots. */
    private final BitSet freeSeqs = new BitSet();
    private final SecureRandom ids = new SecureRandom();

    SessionTable(int maxSessions) {
        freeSeqs.set(0, maxSessions);
    }

    synchronized int allocateSeq() {
        int s = freeSeqs.nextSetBit(0);
        if (s < 0) {
            throw new ProtocolException(429, "too many sessions: all " + sessions.size()
                    + " are in use (--max-sessions); delete one or wait for idle ones to expire");
        }
        freeSeqs.clear(s);
        return s;
    }

    /** Makes the slot id reusable (after the backend cleared its state, on the decode thread). */
    synchronized void releaseSeq(int seq) {
        freeSeqs.set(seq);
    }

    String newId() {
        byte[] b = new byte[12];
        ids.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    void put(ServerSession s) {
        sessions.put(s.id, s);
    }

    ServerSession get(String id) {
        ServerSession s = id == null ? null : sessions.get(id);
        if (s == null || s.closed) {
            throw new ProtocolException(404, "unknown session '" + abbreviate(id)
                    + "' (expired, deleted, or the server restarted): create a new one");
        }
        return s;
    }

    ServerSession remove(String id) {
        return sessions.remove(id);
    }

    Collection<ServerSession> all() {
        return sessions.values();
    }

    int size() {
        return sessions.size();
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
