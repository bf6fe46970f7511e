package org.configspec.serve.link;

import java.net.InetSocketAddress;
import org.configspec.core.error.ConfigSpecException;

/** A TCP endpoint as the user wrote it: host name or address and port (0 = any free port, for listening). */
public record HostPort(String host, int port) {
    public HostPort {
        if (host == null || host.isBlank()) {
            throw new ConfigSpecException("bad endpoint: empty host (allowed: HOST:PORT, e.g. 127.0.0.1:7000)");
        }
        if (port < 0 || port > 65535) {
            throw new ConfigSpecException("bad endpoint port: " + port + " (allowed: 0..65535)");
        }
    }

    /** Parses "HOST:PORT" ("[::1]:7000" for IPv6); {@code flag} names the option in errors (null: the caller names it). */
    public static HostPort parse(String value, String flag) {
        String v = value == null ? "" : value.trim();
        int colon = v.lastIndexOf(':');
        String allowed = " (allowed: HOST:PORT with PORT 0..65535, e.g. 127.0.0.1:7000)";
        if (colon <= 0 || colon == v.length() - 1) {
            throw new ConfigSpecException("bad endpoint" + Bandwidth.forFlag(flag) + ": '" + value + "'" + allowed);
        }
        String host = v.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(v.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new ConfigSpecException("bad port" + Bandwidth.forFlag(flag) + ": '" + value + "'" + allowed);
        }
        if (host.isBlank() || port < 0 || port > 65535) {
            throw new ConfigSpecException("bad endpoint" + Bandwidth.forFlag(flag) + ": '" + value + "'" + allowed);
        }
        return new HostPort(host, port);
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(host, port);
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
