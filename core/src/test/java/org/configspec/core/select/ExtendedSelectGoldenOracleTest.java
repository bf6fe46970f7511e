package org.configspec.core.select;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An independent oracle for the extended-mode golden file cli/src/test/resources/golden/select-extended.csv (written
 * by cli/src/test/java/org/configspec/cli/GoldenOutputTest.java from {@code select --k-min 1 --k-max 16 --acceptance
 * iid --rtt 40ms --verify-per-token 0.01 --t-verify 0.2 --billing predicted-outputs --energy-wait --idle-power 3
 * --min-goodput 2}). Every figure of every row is composed here by hand from the raw catalog
 * (core/src/main/resources/catalogs/paper.json, read as plain JSON) and the formulas that
 * core/src/main/java/org/configspec/core/model/AnalyticModel.java documents, without any production class:
 * <ul>
 *   <li>i.i.d. rate a: least squares of E_iid(K; a) = Σ_{i=0..K} a^i against the measured E(K) = K·α(K) + 1, found by a
 *       grid over [0, 1] refined by ternary search (production uses golden-section search on the closed form);</li>
 *   <li>T_v(K) = RTT + t_verify + per-token·(K + 1); goodput E / (K / r_d + T_v);</li>
 *   <li>predicted-outputs billing: (K + 1)·p_out / 10⁶ $ per round; tokens per $ = E / that;</li>
 *   <li>J per token = (P_d·K / r_d + P_idle·T_v) / E, empty where the device has no power data.</li>
 * </ul>
 * The best rows must be the best of the hand-composed configurations that meet --min-goodput, and no Pareto row may be
 * dominated by one. Memory fit (select's --require-fit) is not composed here: leaving it out only adds configurations,
 * and the largest drafts it removes on the 8 GB devices are never best on any objective.
 */
class ExtendedSelectGoldenOracleTest {
    private static final Path GOLDEN = Path.of("cli/src/test/resources/golden/select-extended.csv");
    private static final int K_MIN = 1;
    private static final int K_MAX = 16;
    private static final double RTT_S = 0.040;
    private static final double T_VERIFY_S = 0.2;
    private static final double PER_TOKEN_S = 0.01;
    private static final double IDLE_W = 3;
    private static final double MIN_GOODPUT = 2;
    private static final double TOLERANCE = 1e-8; // the golden file prints 10 significant digits

    /** One configuration composed by hand. */
    record Hand(String draft, String quant, int k, double alpha, double e, double goodput, double tokensPerUsd,
                double usdPerMTok, double joules) {
        boolean meetsConstraints() {
            return goodput >= MIN_GOODPUT;
        }

        /** At least as good on goodput, tokens per $ and (when known) energy, and better on one. */
        boolean dominates(Hand o) {
            boolean energy = !Double.isNaN(joules) && !Double.isNaN(o.joules);
            boolean noWorse = goodput >= o.goodput && tokensPerUsd >= o.tokensPerUsd && (!energy || joules <= o.joules);
            boolean better = goodput > o.goodput || tokensPerUsd > o.tokensPerUsd || (energy && joules < o.joules);
            return noWorse && better;
        }
    }

    private static JsonNode catalog;
    private static List<Map<String, String>> golden;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = ExtendedSelectGoldenOracleTest.class.getResourceAsStream("/catalogs/paper.json")) {
            catalog = new ObjectMapper().readTree(in);
        }
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> lines = Files.readAllLines(root.resolve(GOLDEN), StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",", -1);
        golden = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            golden.add(row);
        }
    }

    @Test
    void everyFigureOfEveryRowIsTheHandComposition() {
        assertThat(golden).hasSizeGreaterThan(50);
        for (Map<String, String> row : golden) {
            Hand h = compose(row.get("target"), row.get("device"), row.get("draft"), row.get("quant"),
                    Integer.parseInt(row.get("k")));
            String what = String.join(" ", row.values());
            close(row, "alpha", h.alpha(), what);
            close(row, "tokens_per_round", h.e(), what);
            close(row, "goodput_tok_s", h.goodput(), what);
            close(row, "tokens_per_usd", h.tokensPerUsd(), what);
            close(row, "usd_per_mtok", h.usdPerMTok(), what);
            if (Double.isNaN(h.joules())) {
                assertThat(row.get("joules_per_token")).as("%s: no power data, no energy", what).isEmpty();
            } else {
                close(row, "joules_per_token", h.joules(), what);
            }
            assertThat(h.meetsConstraints()).as("%s meets --min-goodput", what).isTrue();
        }
    }

    @Test
    void theBestRowsAreTheBestOfTheHandComposedSpaceAndNoParetoRowIsDominated() {
        Map<String, List<Map<String, String>>> groups = new TreeMap<>();
        for (Map<String, String> row : golden) {
            groups.computeIfAbsent(row.get("target") + " | " + row.get("device"), g -> new ArrayList<>()).add(row);
        }
        assertThat(groups).hasSize(6);
        for (List<Map<String, String>> rows : groups.values()) {
            String target = rows.get(0).get("target");
            String device = rows.get(0).get("device");
            List<Hand> space = space(target, device);
            double bestGoodput = space.stream().mapToDouble(Hand::goodput).max().orElseThrow();
            double bestTokensPerUsd = space.stream().mapToDouble(Hand::tokensPerUsd).max().orElseThrow();
            double bestJoules = space.stream().mapToDouble(Hand::joules).filter(j -> !Double.isNaN(j)).min().orElse(Double.NaN);
            for (Map<String, String> row : rows) {
                String what = String.join(" ", row.values());
                switch (row.get("role")) {
                    case "best_goodput" -> close(row, "goodput_tok_s", bestGoodput, what);
                    case "best_cost" -> close(row, "tokens_per_usd", bestTokensPerUsd, what);
                    case "best_energy" -> close(row, "joules_per_token", bestJoules, what);
                    case "pareto" -> {
                        Hand h = compose(target, device, row.get("draft"), row.get("quant"), Integer.parseInt(row.get("k")));
                        assertThat(space).as("%s: dominated by", what).noneMatch(o -> o.dominates(h));
                    }
                    default -> {
                        // weighted: its figures are checked row by row
                    }
                }
            }
            assertThat(rows).as("%s / %s has a best_goodput and a best_cost row", target, device)
                    .anyMatch(r -> r.get("role").equals("best_goodput")).anyMatch(r -> r.get("role").equals("best_cost"));
            assertThat(rows.stream().anyMatch(r -> r.get("role").equals("best_energy")))
                    .as("%s / %s has a best_energy row exactly when energy is known", target, device)
                    .isEqualTo(!Double.isNaN(bestJoules));
        }
    }

    @Test
    void theIidFitIsTheLeastSquaresMinimum() {
        // a worked check of the fit itself: a curve made from a = 0.7 exactly gives back 0.7
        Map<Integer, Double> alpha = new TreeMap<>();
        for (int k = 2; k <= 10; k++) {
            alpha.put(k, (powerSum(0.7, k) - 1) / k);
        }
        assertThat(fitRate(alpha)).isCloseTo(0.7, org.assertj.core.data.Offset.offset(1e-9));
    }

    /** Every configuration of a target on a device that meets the constraints, composed by hand. */
    private static List<Hand> space(String target, String device) {
        List<Hand> out = new ArrayList<>();
        for (JsonNode p : catalog.get("draftProfiles")) {
            if (!p.get("device").asText().equals(device) || acceptance(p.get("draft").asText(), target) == null) {
                continue;
            }
            for (int k = K_MIN; k <= K_MAX; k++) {
                Hand h = compose(target, device, p.get("draft").asText(), p.get("quant").asText(), k);
                if (h.meetsConstraints()) {
                    out.add(h);
                }
            }
        }
        return out;
    }

    private static Hand compose(String target, String device, String draft, String quant, int k) {
        double a = fitRate(acceptance(draft, target));
        double e = powerSum(a, k);
        JsonNode profile = profile(device, draft, quant);
        double rd = number(profile.get("tokPerS"));
        double tv = RTT_S + T_VERIFY_S + PER_TOKEN_S * (k + 1);
        double goodput = e / (k / rd + tv);
        double usdPerRound = (k + 1) * outputPrice(target) / 1e6;
        double tokensPerUsd = e / usdPerRound;
        JsonNode power = profile.get("powerW");
        double joules = power == null || power.isNull() ? Double.NaN : (number(power) * k / rd + IDLE_W * tv) / e;
        return new Hand(draft, quant, k, (e - 1) / k, e, goodput, tokensPerUsd, 1e6 / tokensPerUsd, joules);
    }

    /** Σ_{i=0..k} a^i: the i.i.d. tokens per round, written as the sum (production uses the closed form). */
    private static double powerSum(double a, int k) {
        double sum = 0;
        double term = 1;
        for (int i = 0; i <= k; i++) {
            sum += term;
            term *= a;
        }
        return sum;
    }

    private static final Map<Map<Integer, Double>, Double> FITS = new HashMap<>();

    /** The rate a minimising Σ_K (E_iid(K; a) − (K·α(K) + 1))²: a grid of 10⁴ steps, then ternary search. */
    private static double fitRate(Map<Integer, Double> alpha) {
        return FITS.computeIfAbsent(alpha, m -> {
            int steps = 10_000;
            int best = 0;
            for (int i = 1; i <= steps; i++) {
                if (loss(m, (double) i / steps) < loss(m, (double) best / steps)) {
                    best = i;
                }
            }
            double lo = Math.max(0, (best - 1.0) / steps);
            double hi = Math.min(1, (best + 1.0) / steps);
            for (int i = 0; i < 200; i++) {
                double m1 = lo + (hi - lo) / 3;
                double m2 = hi - (hi - lo) / 3;
                if (loss(m, m1) <= loss(m, m2)) {
                    hi = m2;
                } else {
                    lo = m1;
                }
            }
            return (lo + hi) / 2;
        });
    }

    private static double loss(Map<Integer, Double> alpha, double a) {
        double sum = 0;
        for (Map.Entry<Integer, Double> x : alpha.entrySet()) {
            double d = powerSum(a, x.getKey()) - (x.getKey() * x.getValue() + 1);
            sum += d * d;
        }
        return sum;
    }

    /** Measured α(K) of a draft (any quantisation) against a target, or null. */
    private static Map<Integer, Double> acceptance(String draft, String target) {
        for (JsonNode a : catalog.get("acceptance")) {
            if (a.get("draft").asText().equals(draft) && a.get("target").asText().equals(target)) {
                Map<Integer, Double> alpha = new TreeMap<>();
                for (JsonNode x : a.get("alpha")) {
                    alpha.put(x.get("k").asInt(), number(x));
                }
                return alpha;
            }
        }
        return null;
    }

    private static JsonNode profile(String device, String draft, String quant) {
        for (JsonNode p : catalog.get("draftProfiles")) {
            if (p.get("device").asText().equals(device) && p.get("draft").asText().equals(draft)
                    && p.get("quant").asText().equals(quant)) {
                return p;
            }
        }
        throw new AssertionError("no draft profile for " + device + " / " + draft + " " + quant);
    }

    private static double outputPrice(String target) {
        for (JsonNode t : catalog.get("targets")) {
            if (t.get("name").asText().equals(target)) {
                return t.get("price").get("outputPerMTok").asDouble();
            }
        }
        throw new AssertionError("no target " + target);
    }

    /** A catalog figure: a plain number, or an object carrying its central value (under "mean" or "value"). */
    private static double number(JsonNode n) {
        if (n.isNumber()) {
            return n.asDouble();
        }
        JsonNode v = n.has("value") ? n.get("value") : n.get("mean");
        assertThat(v).as("central value of %s", n).isNotNull();
        return v.asDouble();
    }

    private static void close(Map<String, String> row, String column, double expected, String what) {
        double actual = Double.parseDouble(row.get(column));
        assertThat(Math.abs(actual - expected)).as("%s: %s is %s, by hand %s", what, column, actual, expected)
                .isLessThanOrEqualTo(TOLERANCE * Math.abs(expected));
    }
}
