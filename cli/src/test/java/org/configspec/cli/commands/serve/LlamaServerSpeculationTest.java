package org.configspec.cli.commands.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.configspec.cli.Main;
import org.configspec.llm.NeedsLlama;
import org.configspec.llm.NeedsNativeLlama;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.llm.model.ModelStore;
import org.configspec.llm.remote.LlamaServerProcess;
import org.configspec.profile.align.PromptSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An independent check of our acceptance profile: llama-server's own speculative decoding with the same draft
 * ({@code -md stories15M-q8_0-l5}, {@code --spec-type draft-simple}, draft length fixed at K by
 * {@code --spec-draft-n-max K --spec-draft-n-min K}, {@code --spec-draft-p-min 0} so that it never drafts fewer),
 * greedy on the same prompts and continuation length, counts per draft position how often the token there was
 * accepted ({@code llamacpp:spec_decode_num_accepted_tokens_per_pos_total{position}}, 0-based, over
 * {@code llamacpp:spec_decode_num_drafts_total} drafts; the difference before/after). Its P(L ≥ i) must agree with
 * {@code configspec profile align}'s P(L ≥ i) at K.
 * <p>Tolerance: both measure the same pair along the same greedy continuations, but their rounds start at different
 * tokens (llama-server generates the first token from the prompt before it drafts, the profile's first round starts
 * right after the prompt, and the last rounds are cut differently at the continuation's end), so the two are samples
 * of the same per-round acceptance over slightly different rounds. Accepted: within 3 standard errors of a
 * difference of two independent binomial proportions at the pooled rate (conservative: the samples share most of
 * their path), and at least 0.02 (two rounds' worth at n ≈ 100).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
@NeedsLlama
@NeedsNativeLlama
class LlamaServerSpeculationTest {
    private static final int K = 4;
    private static final int PROMPTS = 12;
    private static final int TOKENS = 48;
    private static final String DRAFT = "stories15M-q8_0-l5";
    private static final Pattern PER_POS = Pattern.compile(
            "^llamacpp:spec_decode_num_accepted_tokens_per_pos_total\\{position=\"(\\d+)\"} (\\S+)$", Pattern.MULTILINE);
    private static final Pattern DRAFTS = Pattern.compile("^llamacpp:spec_decode_num_drafts_total (\\S+)$",
            Pattern.MULTILINE);

    @Test
    void llamaServersPerPositionAcceptanceAgreesWithOurProfile() throws Exception {
        ModelStore store = ModelStore.defaultStore();
        List<String> prompts = PromptSource.builtin().prompts().subList(0, PROMPTS);
        double[] ours;
        long ourRounds;
        {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), new String[] {"profile",
                "align", "--target", "stories15M-f32", "--draft", DRAFT, "--k-max", String.valueOf(K), "--tokens",
                String.valueOf(TOKENS), "--prompts", "builtin", "--max-prompts", String.valueOf(PROMPTS),
                "--target-pass", "greedy", "--format", "json", "-t", "1"});
            assertThat(code).as(err.toString()).isZero();
            JsonNode atK = null;
            for (JsonNode k : new ObjectMapper().readTree(out.toString()).path("drafts").path(0).path("byK")) {
                if (k.path("k").asInt() == K) {
                    atK = k;
                }
            }
            assertThat(atK).as("K = %d in %s", K, out).isNotNull();
            assertThat(atK.path("prompts").asInt()).isEqualTo(PROMPTS);
            ours = new double[K];
            for (int i = 0; i < K; i++) {
                ours[i] = atK.path("survival").path(i).asDouble();
            }
            ourRounds = atK.path("rounds").asLong();
        }
        double[] theirs = new double[K];
        long drafts;
        Path target = store.resolve("stories15M-f32");
        try (LlamaModel tokenizer = LlamaModel.load(target);
             LlamaServerProcess llama = LlamaServerProcess.start(LlamaServerProcess.Options.of(target).withThreads(1)
                     .withExtraArgs(List.of("-md", store.resolve(DRAFT).toString(), "--spec-type", "draft-simple",
                             "--spec-draft-n-max", String.valueOf(K), "--spec-draft-n-min", String.valueOf(K),
                             "--spec-draft-p-min", "0", "--metrics")))) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String before = get(http, llama.url().resolve("/metrics"));
            for (String p : prompts) {
                int[] ids = tokenizer.tokenize(p, true);
                String body = "{\"prompt\":" + Arrays.toString(ids) + ",\"n_predict\":" + TOKENS
                        + ",\"temperature\":0,\"ignore_eos\":true,\"cache_prompt\":false}";
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(llama.url().resolve("/completion"))
                        .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            }
            String after = get(http, llama.url().resolve("/metrics"));
            drafts = Math.round(counter(DRAFTS, after, null) - counter(DRAFTS, before, null));
            assertThat(drafts).as("llama-server drafted (is speculative decoding on?)").isPositive();
            for (int i = 0; i < K; i++) {
                theirs[i] = (counter(PER_POS, after, i) - counter(PER_POS, before, i)) / drafts;
            }
        }
        System.out.printf(Locale.ROOT, "P(L>=i) at K=%d, %s: ours %s over %d rounds; llama-server %s over %d drafts%n",
                K, DRAFT, Arrays.toString(ours), ourRounds, Arrays.toString(theirs), drafts);
        for (int i = 0; i < K; i++) {
            double pooled = (ours[i] * ourRounds + theirs[i] * drafts) / (ourRounds + drafts);
            double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / ourRounds + 1.0 / drafts));
            assertThat(Math.abs(ours[i] - theirs[i])).as("P(L >= %d): ours %.3f, llama-server %.3f", i + 1, ours[i],
                    theirs[i]).isLessThanOrEqualTo(Math.max(0.02, 3 * se));
        }
    }

    private static String get(HttpClient http, URI uri) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    /** The counter's value (0 when absent: llama-server lists a position once it was reached). */
    private static double counter(Pattern p, String scrape, Integer position) {
        Matcher m = p.matcher(scrape);
        while (m.find()) {
            if (position == null) {
                return Double.parseDouble(m.group(1));
            }
            if (Integer.parseInt(m.group(1)) == position) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }
}
