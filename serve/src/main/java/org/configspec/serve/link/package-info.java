/**
 * The network link emulator: a TCP proxy that makes one machine behave like an edge–cloud network (the kernel's
 * netem is not available everywhere, and never inside an unprivileged container).
 *
 * <h2>Model</h2>
 * Each direction (uplink = client → upstream, downlink = upstream → client) is configured on its own
 * ({@link org.configspec.serve.link.DirectionSpec}). The proxy reads chunks (whatever one {@code read} returns, at
 * most about 10 ms of serialisation time under a bandwidth limit) and releases each chunk at
 * <pre>  depart  = max(serialised, end of this connection's last stall) + stalls
 *  release = max(previous release, depart + delay + U[0, jitter])</pre>
 * <ul>
 *   <li><b>bandwidth</b>: a FIFO serialiser per direction shared by all connections (one access link): a chunk of
 *       n bytes occupies it n·8/B seconds after the previous chunk has left; store-and-forward, no burst credit.
 *       Payload bits only (no header overhead).</li>
 *   <li><b>delay</b>: constant one-way propagation delay per direction; a request/response exchange takes at least
 *       uplink + downlink delay.</li>
 *   <li><b>jitter</b>: uniform extra delay in [0, jitter] per chunk, additive (the delay is a minimum, unlike netem's
 *       ±jitter). Byte order is kept: a chunk is never released before the one ahead of it, so jitter shows up as
 *       bunching, never as reordering — TCP delivers in order.</li>
 *   <li><b>loss</b>: TCP cannot lose bytes, so loss is a retransmission-like stall. The stream is cut into
 *       1460-byte segments by byte offset; each segment is lost with probability p; a chunk holding a lost segment
 *       is delayed by the loss stall (an RTO; default max(200 ms, uplink + downlink delay)), and the chunks behind
 *       it wait too (head-of-line blocking); a stall stops that connection's direction, so stalls in a burst add up
 *       instead of overlapping. The retransmission does not consume bandwidth again, and the serialiser's time
 *       slots of stalled chunks are not given to other connections.</li>
 *   <li><b>periodic stalls</b>: every N-th segment delays its chunk by a fixed stall (handover, radio wake-up).</li>
 *   <li><b>seed</b>: jitter and loss draw from {@link java.util.SplittableRandom} streams derived from the seed and
 *       the connection's accept number, and loss is decided per segment, not per chunk; so the same seed and the
 *       same bytes give the same loss decisions regardless of how the kernel chunks them.</li>
 *   <li>Not modelled: the connection handshake (the client's connect completes at once), queue drops, congestion
 *       control (a stall does not shrink the sending rate afterwards).</li>
 * </ul>
 */
package org.configspec.serve.link;
