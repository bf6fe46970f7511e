package org.configspec.llm.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.configspec.core.json.MachineJson;

/**
 * A STAND-IN for vLLM, SGLang and an OpenAI-compatible provider, for tests only: those engines need GPUs (and PyPI,
 * which this machine cannot reach), so they cannot run here. It speaks their documented wire formats (the fixtures in
 * src/test/resources/remote name the sources) on loopback with the numbers of OUR engine ({@link ReferenceEngine}:
 * stories15M through llama.cpp), so the real adapter code runs on real numbers, and it reproduces the quirks the
 * adapters must handle:
 * <ul>
 *   <li>vLLM: {@code prompt_logprobs} whose first entry is {@code null}, keyed by the id as a string, each entry with
 *   its {@code rank}, the actual token always included (N + 1 entries when it is not in the top N); log-probabilities
 *   floored at {@code -9999.0}; 400 "Requested sample/prompt logprobs of N, which is greater than max allowed: M"
 *   above {@code --max-logprobs} (default 20); {@code return_token_ids}, {@code return_tokens_as_token_ids}.</li>
 *   <li>SGLang: {@code /generate} with {@code input_ids}; the entry at {@code logprob_start_len} is null;
 *   entries are {@code [logprob, id, text]}.</li>
 *   <li>OpenAI legacy completions: {@code logprobs} at most 5 (400 above), {@code echo} with the first prompt
 *   token's entries null.</li>
 * </ul>
 * It always decodes greedily with EOS ignored (what ConfigSpec asks for); it does not sample. Test knobs: an API key
 * (401 without it), {@link #failNext} 503 answers (retries), {@link #breakShape} (a 200 of the wrong shape).
 */
public final class EngineStandInServer implements AutoCloseable {
    /** The wire format served. */
    public enum Wire { VLLM, SGLANG, OPENAI }

    public static final String MODEL = "stories15M";
    private static final double FLOOR = -9999.0;
    private static final int OPENAI_CAP = 5;

    private final Wire wire;
    private final ReferenceEngine engine;
    private final HttpServer server;
    private final int maxLogprobs;
    private final String apiKey;
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile boolean broken;

    private EngineStandInServer(Wire wire, ReferenceEngine engine, int maxLogprobs, String apiKey) throws IOException {
        this.wire = wire;
        this.engine = engine;
        this.maxLogprobs = maxLogprobs;
        this.apiKey = apiKey;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A server of {@code wire} on a free loopback port; vLLM's cap is {@code maxLogprobs}; {@code apiKey} or null. */
    public static EngineStandInServer start(Wire wire, ReferenceEngine engine, int maxLogprobs, String apiKey) {
        try {
            return new EngineStandInServer(wire, engine, maxLogprobs, apiKey);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the stand-in server on loopback", e);
        }
    }

    public static EngineStandInServer start(Wire wire, ReferenceEngine engine) {
        return start(wire, engine, 20, null);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next {@code n} requests answer 503. */
    public void failNext(int n) {
        failures.set(n);
    }

    /** Whether generation requests answer 200 with a body of the wrong shape. */
    public void breakShape(boolean b) {
        broken = b;
    }

    /** Requests received so far. */
    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange x) throws IOException {
        requests.incrementAndGet();
        try (x) {
            String auth = x.getRequestHeaders().getFirst("Authorization");
            if (apiKey != null && !("Bearer " + apiKey).equals(auth)) {
                send(x, 401, MachineJson.object().put("error", "Unauthorized"));
                return;
            }
            if (failures.getAndUpdate(f -> Math.max(0, f - 1)) > 0) {
                send(x, 503, error("Service Unavailable (stand-in)", 503));
                return;
            }
            String route = x.getRequestMethod() + " " + x.getRequestURI().getPath();
            JsonNode body = x.getRequestMethod().equals("POST")
                    ? MachineJson.lenient().readTree(x.getRequestBody().readAllBytes()) : null;
            ObjectNode answer = route(route, body);
            if (answer == null) {
                send(x, 404, MachineJson.object().put("detail", "Not Found"));
            } else if (answer.has("__status")) {
                int s = answer.remove("__status").asInt();
                send(x, s, answer);
            } else {
                send(x, 200, answer);
            }
        } catch (RuntimeException e) {
            send(x, 500, error("stand-in failed: " + e, 500));
        }
    }

    private ObjectNode route(String route, JsonNode body) {
        switch (wire) {
            case VLLM:
                return switch (route) {
                    case "GET /version" -> MachineJson.object().put("version", "0.11.0+stand-in");
                    case "GET /v1/models" -> models();
                    case "POST /tokenize" -> tokenize(body);
                    case "POST /v1/completions" -> completions(body, true);
                    default -> null;
                };
            case SGLANG:
                return switch (route) {
                    case "GET /get_model_info" -> MachineJson.object().put("model_path", MODEL)
                            .put("tokenizer_path", MODEL).put("is_generation", true);
                    case "GET /get_server_info" -> MachineJson.object().put("version", "0.5.0+stand-in");
                    case "POST /tokenize" -> tokenize(body);
                    case "POST /generate" -> generate(body);
                    default -> null;
                };
            default:
                return switch (route) {
                    case "GET /v1/models" -> models();
                    case "POST /v1/completions" -> completions(body, false);
                    default -> null;
                };
        }
    }

    private static ObjectNode models() {
        ObjectNode r = MachineJson.object().put("object", "list");
        r.putArray("data").addObject().put("id", MODEL).put("object", "model").put("owned_by", "stand-in")
                .put("max_model_len", 256);
        return r;
    }

    private ObjectNode tokenize(JsonNode body) {
        boolean special = body.path("add_special_tokens").asBoolean(true);
        int[] ids = engine.model().tokenize(body.path("prompt").asText().getBytes(StandardCharsets.UTF_8), special);
        ObjectNode r = MachineJson.object().put("count", ids.length).put("max_model_len", 256);
        ArrayNode t = r.putArray("tokens");
        for (int id : ids) {
            t.add(id);
        }
        return r;
    }

    private String piece(int id) {
        return new String(engine.model().piece(id), StandardCharsets.UTF_8);
    }

    private static ObjectNode error(String message, int code) {
        ObjectNode r = MachineJson.object();
        r.putObject("error").put("message", message).put("type", code == 400 ? "BadRequestError" : "ServerError")
                .put("code", code);
        return r.put("__status", code);
    }

    private static int[] ids(JsonNode a) {
        int[] ids = new int[a.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = a.get(i).asInt();
        }
        return ids;
    }

    private static double floor(double lp) {
        return Math.max(FLOOR, lp);
    }

    /** vLLM's or OpenAI's /v1/completions (legacy format; vLLM adds prompt_logprobs and token ids). */
    private ObjectNode completions(JsonNode b, boolean vllm) {
        if (b.has("model") && !MODEL.equals(b.path("model").asText())) {
            ObjectNode e = error("The model `" + b.path("model").asText() + "` does not exist.", 404);
            return e.put("__status", 404);
        }
        int[] prompt = ids(b.path("prompt"));
        int maxTokens = b.path("max_tokens").asInt(16);
        boolean echo = b.path("echo").asBoolean(false);
        Integer logprobs = b.path("logprobs").isNumber() ? b.path("logprobs").asInt() : null;
        Integer promptLogprobs = vllm && b.path("prompt_logprobs").isNumber() ? b.path("prompt_logprobs").asInt()
                : null;
        if (vllm && echo && promptLogprobs == null) {
            promptLogprobs = logprobs;
        }
        int cap = vllm ? maxLogprobs : OPENAI_CAP;
        if (logprobs != null && logprobs > cap) {
            return vllm ? error("Requested sample logprobs of " + logprobs + ", which is greater than max allowed: "
                    + cap, 400) : error("Invalid value for 'logprobs': must be less than or equal to " + cap + ".", 400);
        }
        if (promptLogprobs != null && promptLogprobs > cap) {
            return error("Requested prompt logprobs of " + promptLogprobs + ", which is greater than max allowed: "
                    + cap, 400);
        }
        if (broken) {
            return MachineJson.object().put("choices", "not a list");
        }
        boolean asIds = b.path("return_tokens_as_token_ids").asBoolean(false);
        int generate = Math.max(1, maxTokens); // echo with max_tokens 0 runs one step and drops it (vLLM, OpenAI)
        ReferenceEngine.Continuation c = engine.greedy(prompt, generate);
        int[] out = maxTokens == 0 ? new int[0] : c.ids();
        ObjectNode choice = MachineJson.object().put("index", 0);
        StringBuilder text = new StringBuilder();
        for (int id : out) {
            text.append(piece(id));
        }
        choice.put("text", text.toString());
        double[][] promptRows = echo || promptLogprobs != null ? engine.logRows(prompt) : null;
        if (logprobs != null) {
            ObjectNode lp = choice.putObject("logprobs");
            ArrayNode tokens = lp.putArray("tokens");
            ArrayNode tokenLps = lp.putArray("token_logprobs");
            ArrayNode tops = lp.putArray("top_logprobs");
            ArrayNode offsets = lp.putArray("text_offset");
            int offset = 0;
            if (echo) {
                for (int p = 0; p < prompt.length; p++) {
                    tokens.add(key(prompt[p], asIds));
                    offsets.add(offset);
                    offset += piece(prompt[p]).length();
                    if (p == 0) {
                        tokenLps.addNull();
                        tops.addNull();
                    } else {
                        tokenLps.add(floor(promptRows[p - 1][prompt[p]]));
                        tops.add(topDict(promptRows[p - 1], prompt[p], logprobs, asIds));
                    }
                }
            }
            for (int i = 0; i < out.length; i++) {
                tokens.add(key(out[i], asIds));
                tokenLps.add(floor(c.logRows()[i][out[i]]));
                tops.add(topDict(c.logRows()[i], out[i], logprobs, asIds));
                offsets.add(offset);
                offset += piece(out[i]).length();
            }
        } else {
            choice.putNull("logprobs");
        }
        choice.put("finish_reason", "length");
        if (vllm) {
            choice.putNull("stop_reason");
            if (b.path("return_token_ids").asBoolean(false)) {
                ArrayNode t = choice.putArray("token_ids");
                for (int id : out) {
                    t.add(id);
                }
                ArrayNode pt = choice.putArray("prompt_token_ids");
                for (int id : prompt) {
                    pt.add(id);
                }
            }
            if (promptLogprobs != null) {
                ArrayNode pl = choice.putArray("prompt_logprobs");
                pl.addNull();
                for (int p = 1; p < prompt.length; p++) {
                    pl.add(rankedDict(promptRows[p - 1], prompt[p], promptLogprobs));
                }
            } else {
                choice.putNull("prompt_logprobs");
            }
        }
        ObjectNode r = MachineJson.object().put("id", "cmpl-stand-in").put("object", "text_completion")
                .put("created", 0).put("model", MODEL);
        r.putArray("choices").add(choice);
        r.putObject("usage").put("prompt_tokens", prompt.length).put("total_tokens", prompt.length + out.length)
                .put("completion_tokens", out.length);
        return r;
    }

    private String key(int id, boolean asIds) {
        return asIds ? "token_id:" + id : piece(id);
    }

    /** The legacy top_logprobs dict: the top N and the chosen token. */
    private ObjectNode topDict(double[] row, int chosen, int n, boolean asIds) {
        ObjectNode d = MachineJson.object();
        for (int id : ReferenceEngine.top(row, n)) {
            d.put(key(id, asIds), floor(row[id]));
        }
        d.put(key(chosen, asIds), floor(row[chosen]));
        return d;
    }

    /** vLLM's prompt_logprobs entry: "id" -> {logprob, rank, decoded_token}, top N by rank and the actual token. */
    private ObjectNode rankedDict(double[] row, int actual, int n) {
        ObjectNode d = MachineJson.object();
        d.set(String.valueOf(actual), MachineJson.object().put("logprob", floor(row[actual]))
                .put("rank", ReferenceEngine.rank(row, actual)).put("decoded_token", piece(actual)));
        int rank = 1;
        for (int id : ReferenceEngine.top(row, n)) {
            d.set(String.valueOf(id), MachineJson.object().put("logprob", floor(row[id])).put("rank", rank++)
                    .put("decoded_token", piece(id)));
        }
        return d;
    }

    /** SGLang's /generate. */
    private ObjectNode generate(JsonNode b) {
        int[] input = ids(b.path("input_ids"));
        JsonNode sp = b.path("sampling_params");
        int maxNew = sp.path("max_new_tokens").asInt(128);
        boolean logprob = b.path("return_logprob").asBoolean(false);
        int topN = b.path("top_logprobs_num").asInt(0);
        int start = b.path("logprob_start_len").asInt(-1);
        if (topN < 0 || topN > engine.model().vocabSize()) {
            return error("top_logprobs_num must be between 0 and the vocabulary size " + engine.model().vocabSize()
                    + ", got " + topN, 400);
        }
        if (broken) {
            return MachineJson.object().put("output_ids", "not a list");
        }
        ReferenceEngine.Continuation c = engine.greedy(input, Math.max(1, maxNew));
        int[] out = maxNew == 0 ? new int[0] : c.ids();
        ObjectNode r = MachineJson.object();
        StringBuilder text = new StringBuilder();
        ArrayNode outIds = r.putArray("output_ids");
        for (int id : out) {
            outIds.add(id);
            text.append(piece(id));
        }
        r.put("text", text.toString());
        ObjectNode meta = r.putObject("meta_info").put("id", "stand-in").put("prompt_tokens", input.length)
                .put("completion_tokens", out.length).put("cached_tokens", 0);
        meta.putObject("finish_reason").put("type", "length").put("length", out.length);
        if (logprob) {
            int s = start < 0 ? input.length - 1 : Math.min(start, input.length - 1);
            double[][] rows = engine.logRows(input);
            ArrayNode inTok = meta.putArray("input_token_logprobs");
            ArrayNode inTop = meta.putArray("input_top_logprobs");
            for (int p = s; p < input.length; p++) {
                if (p == s) { // SGLang returns None for the entry at logprob_start_len
                    inTok.addArray().addNull().add(input[p]).addNull();
                    inTop.addNull();
                } else {
                    inTok.addArray().add(rows[p - 1][input[p]]).add(input[p]).addNull();
                    inTop.add(sglangTop(rows[p - 1], topN));
                }
            }
            ArrayNode outTok = meta.putArray("output_token_logprobs");
            ArrayNode outTop = meta.putArray("output_top_logprobs");
            for (int i = 0; i < out.length; i++) {
                outTok.addArray().add(c.logRows()[i][out[i]]).add(out[i]).addNull();
                outTop.add(sglangTop(c.logRows()[i], topN));
            }
        }
        return r;
    }

    private static ArrayNode sglangTop(double[] row, int n) {
        ArrayNode a = MachineJson.array();
        for (int id : ReferenceEngine.top(row, n)) {
            a.addArray().add(row[id]).add(id).addNull();
        }
        return a;
    }

    private static void send(HttpExchange x, int status, ObjectNode body) throws IOException {
        byte[] bytes = MachineJson.write(MachineJson.compact(), body).getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream o = x.getResponseBody()) {
            o.write(bytes);
        }
    }
}
