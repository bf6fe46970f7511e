package org.configspec.serve.link;

/** Starts emulated links: {@code try (Link link = LinkEmulator.start(spec)) { connect to link.localPort() }}. */
public final class LinkEmulator {
    private LinkEmulator() {
    }

    /** Binds the listen address and starts accepting; throws a one-line ConfigSpecException when it cannot bind. */
    public static Link start(LinkSpec spec) {
        return TcpLink.start(spec);
    }
}
