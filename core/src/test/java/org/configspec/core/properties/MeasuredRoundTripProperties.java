package org.configspec.core.properties;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.configspec.core.acceptance.AcceptanceProfile;
import org.configspec.core.catalog.Catalog;
import org.configspec.core.catalog.CatalogReader;
import org.configspec.core.catalog.CatalogWriter;
import org.configspec.core.domain.Device;
import org.configspec.core.domain.DraftModel;
import org.configspec.core.domain.Pricing;
import org.configspec.core.domain.Target;
import org.configspec.core.json.MachineJson;
import org.configspec.core.profile.DraftProfile;
import org.configspec.core.profile.Provenance;
import org.configspec.core.stats.Aggregation;
import org.configspec.core.stats.Interval;
import org.configspec.core.stats.Measured;

/** Writing a measured quantity or a whole catalog as JSON text and reading it back gives the same values. */
class MeasuredRoundTripProperties {

    /** Any positive finite value with spread or without, any aggregation, an interval or none. */
    static Arbitrary<Measured> measured(String unit, double lo, double hi) {
        Arbitrary<Double> v = Arbitraries.doubles().between(lo, hi).ofScale(12);
        Arbitrary<Double> maybe = Arbitraries.oneOf(v, Arbitraries.just(Double.NaN));
        Arbitrary<Interval> interval = Arbitraries.oneOf(Arbitraries.just(Interval.NONE),
                Combinators.combine(v, v, Arbitraries.doubles().between(0, 1).ofScale(12), Arbitraries.strings().ofMaxLength(12))
                        .as((a, b, level, method) -> new Interval(Math.min(a, b), Math.max(a, b), level, method)),
                Arbitraries.doubles().between(0, 1).map(level -> Interval.unknown(level, "bootstrap")));
        return Combinators.combine(Arbitraries.of(Aggregation.class), v, interval, maybe, v, v,
                        Arbitraries.integers().between(0, Integer.MAX_VALUE))
                .as((agg, value, i, std, a, b, n) -> new Measured(unit, agg, value, i,
                        Double.isNaN(std) ? std : Math.abs(std), Math.min(a, b), Math.max(a, b), n));
    }

    @Provide
    Arbitrary<Measured> speeds() {
        return measured(DraftProfile.TOK_PER_S, 1e-9, 1e9);
    }

    @Property
    void measuredQuantityRoundTripsThroughJsonText(@ForAll("speeds") Measured speed, @ForAll("speeds") Measured other) {
        Measured power = new Measured(DraftProfile.WATT, other.aggregation(), other.value(), other.interval(),
                other.std(), other.min(), other.max(), other.n());
        DraftProfile p = new DraftProfile("dev", "draft", "Q8_0", speed, power, 0, Provenance.of("property"));
        String text = MachineJson.write(MachineJson.compact(), CatalogWriter.draftProfile(p));
        JsonNode back = MachineJson.readTree(text, "round trip");
        assertThat(CatalogReader.draftProfile(back, "round trip")).isEqualTo(p);
    }

    @Provide
    Arbitrary<Catalog> catalogs() {
        Arbitrary<String> names = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8);
        Arbitrary<Measured> alpha = measured(AcceptanceProfile.UNIT, 0, 1);
        return Combinators.combine(names.list().uniqueElements().ofMinSize(1).ofMaxSize(3),
                        Arbitraries.longs().between(0, Long.MAX_VALUE), speeds(), speeds().injectNull(0.3),
                        alpha.list().ofMinSize(1).ofMaxSize(6), Arbitraries.doubles().between(1e-6, 1e3).ofScale(9),
                        Arbitraries.integers().between(0, Integer.MAX_VALUE))
                .as((devices, memory, speed, power, alphas, price, threads) -> {
                    List<Device> ds = new ArrayList<>();
                    List<DraftProfile> ps = new ArrayList<>();
                    DraftModel m = new DraftModel("d", "fam", 1.5, "base", "Q4_0", memory, "");
                    Measured w = power == null ? null : new Measured(DraftProfile.WATT, power.aggregation(),
                            power.value(), power.interval(), power.std(), power.min(), power.max(), power.n());
                    for (String name : devices) {
                        ds.add(new Device(name, memory, Double.NaN, ""));
                        ps.add(new DraftProfile(name, "d", "Q4_0", speed, w, memory,
                                new Provenance("src", "tool", "", "", threads, "2026-01-01")));
                    }
                    SortedMap<Integer, Measured> byK = new TreeMap<>();
                    for (int k = 1; k <= alphas.size(); k++) {
                        byK.put(k, alphas.get(k - 1));
                    }
                    Target t = new Target("t", "", "", new Pricing(price, Double.NaN, Double.NaN, Double.NaN, "", ""));
                    AcceptanceProfile a = new AcceptanceProfile("d", "", "t", byK, new double[0], "");
                    return new Catalog("c", "", "", ds, List.of(m), List.of(t), List.of(a), ps);
                });
    }

    @Property
    void catalogRoundTripsThroughJsonText(@ForAll("catalogs") Catalog c) {
        String text = CatalogWriter.toJson(c);
        Catalog back = CatalogReader.parse(MachineJson.readTree(text, "round trip"), "round trip");
        assertThat(back.devices()).isEqualTo(c.devices());
        assertThat(back.drafts()).isEqualTo(c.drafts());
        assertThat(back.targets()).isEqualTo(c.targets());
        assertThat(back.draftProfiles()).isEqualTo(c.draftProfiles());
        assertThat(back.acceptance().get(0).alphaByK()).isEqualTo(c.acceptance().get(0).alphaByK());
        assertThat(CatalogWriter.toJson(back)).isEqualTo(text);
    }
}
