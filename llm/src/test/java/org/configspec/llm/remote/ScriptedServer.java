package org.configspec.llm.remote;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback HTTP server that answers each "METHOD /path" with scripted (status, body) answers, in order, the last
 * one repeating; unscripted routes answer 404. Records every request body. For the tests of wire formats (fixtures)
 * and of the HTTP error and retry rules; needs no model.
 */
public final class ScriptedServer implements AutoCloseable {
    /** One scripted answer. */
    public record Answer(int status, String body, Map<String, String> headers) {
        public static Answer ok(String body) {
            return new Answer(200, body, Map.of());
        }

        public static Answer status(int status, String body) {
            return new Answer(status, body, Map.of());
        }
    }

    /** One received request. */
    public record Request(String route, String body) { }

    private final HttpServer server;
    private final Map<String, Deque<Answer>> script = new ConcurrentHashMap<>();
    private final List<Request> received = java.util.Collections.synchronizedList(new ArrayList<>());

    public ScriptedServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", x -> {
            try (x) {
                String route = x.getRequestMethod() + " " + x.getRequestURI().getPath();
                received.add(new Request(route, new String(x.getRequestBody().readAllBytes(),
                        StandardCharsets.UTF_8)));
                Deque<Answer> answers = script.get(route);
                Answer a = answers == null || answers.isEmpty() ? Answer.status(404, "{\"detail\":\"Not Found\"}")
                        : answers.size() > 1 ? answers.poll() : answers.peek();
                byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
                a.headers().forEach((k, v) -> x.getResponseHeaders().set(k, v));
                x.getResponseHeaders().set("Content-Type", "application/json");
                x.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
                if (bytes.length > 0) {
                    try (OutputStream o = x.getResponseBody()) {
                        o.write(bytes);
                    }
                }
            }
        });
        server.start();
    }

    /** Answers {@code route} ("POST /generate") with {@code answers} in order, the last one repeating. */
    public ScriptedServer on(String route, Answer... answers) {
        script.put(route, new ArrayDeque<>(List.of(answers)));
        return this;
    }

    public ScriptedServer on(String route, String okBody) {
        return on(route, Answer.ok(okBody));
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Request> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The bodies received on {@code route}. */
    public List<String> bodies(String route) {
        return received().stream().filter(r -> r.route().equals(route)).map(Request::body).toList();
    }

    /** A test resource of this package as text. */
    public static String resource(String name) {
        try (InputStream in = ScriptedServer.class.getResourceAsStream("/remote/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /remote/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
