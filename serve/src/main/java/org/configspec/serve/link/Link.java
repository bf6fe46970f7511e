package org.configspec.serve.link;

/** A running emulated link. {@link #close()} stops accepting, closes every proxied connection and waits for its threads. */
public interface Link extends AutoCloseable {
    /** The port clients connect to (the real one when the spec asked for port 0). */
    int localPort();

    LinkStats stats();

    LinkSpec spec();

    @Override
    void close();
}
