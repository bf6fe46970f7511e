package org.configspec.core.testing;

import java.util.List;
import org.configspec.core.acceptance.AcceptanceCurve;
import org.configspec.core.domain.Device;
import org.configspec.core.domain.DraftModel;
import org.configspec.core.domain.Pricing;
import org.configspec.core.domain.Target;
import org.configspec.core.model.ModelOptions;
import org.configspec.core.profile.DraftProfile;
import org.configspec.core.profile.Provenance;
import org.configspec.core.space.Candidate;
import org.configspec.core.space.EvaluationTable;
import org.configspec.core.space.Evaluator;
import org.configspec.core.space.JointSpace;
import org.configspec.core.stats.Aggregation;
import org.configspec.core.stats.Measured;

/** Small hand-made candidates for property tests. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Candidate candidate(String draftName, AcceptanceCurve curve, double tokPerS, double powerW, double priceOut) {
        Target t = new Target("T", "", "", Pricing.outputOnly(priceOut));
        Device d = new Device("D", 8L << 30, 2.0, "");
        DraftModel m = new DraftModel(draftName, "", 1.0, "", "Q4_K_M", 0, "");
        DraftProfile p = new DraftProfile("D", draftName, "Q4_K_M", Measured.of(DraftProfile.TOK_PER_S, Aggregation.MEAN, tokPerS),
                Double.isNaN(powerW) ? null : Measured.of(DraftProfile.WATT, Aggregation.MEAN, powerW), 0, Provenance.of("fixture"));
        return new Candidate(t, d, m, p, curve, tokPerS, powerW, 2.0);
    }

    public static EvaluationTable evaluate(List<Candidate> cs, ModelOptions o) {
        return Evaluator.evaluate(JointSpace.ofCandidates(cs, o));
    }
}
