package org.configspec.sim.calibrate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import org.configspec.core.calibration.BatchTiming;
import org.configspec.core.calibration.ServiceTimeFit;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.llm.engine.LlamaModel;
import org.configspec.llm.model.ModelStore;
import org.configspec.store.CalibrationDocument;
import org.configspec.store.ProfileDocument;
import org.configspec.store.ProfileStore;
import org.configspec.store.ProfileStores;
import org.configspec.store.StoreLocation;

/**
 * One calibration from model to stored document ({@code configspec profile verifier}): loads the target, measures
 * ({@link VerifierCalibration}), then stores the "calibration" document and/or writes it to a file.
 */
public final class CalibrationRun {
    /**
     * @param document      the calibration
     * @param storedId      its id in the store, or null without one
     * @param storeLocation the store, or null
     */
    public record Result(CalibrationDocument document, String storedId, String storeLocation) {
        /** The shapes table, the fit and where it went. */
        public String text() {
            StringBuilder b = new StringBuilder();
            ServiceTimeFit f = document.fit();
            b.append(String.format(Locale.ROOT, "%8s %4s %7s %11s %9s %11s %9s%n", "sessions", "K", "tokens",
                    "median ms", "batches", "fitted ms", "resid %"));
            for (BatchTiming t : document.shapes()) {
                double fitted = f.seconds(t.sessions(), t.tokens());
                b.append(String.format(Locale.ROOT, "%8d %4d %7d %11.3f %9d %11.3f %9.1f%n", t.sessions(), t.k(),
                        t.tokens(), t.seconds() * 1e3, t.samples(), fitted * 1e3,
                        100 * (t.seconds() - fitted) / t.seconds()));
            }
            b.append(String.format(Locale.ROOT, "fit: service time = %.4g ms + %.4g ms × tokens + %.4g ms × sessions;"
                            + " R² %.4f, rms residual %.3f ms, largest residual %.1f %% (least squares of relative"
                            + " residuals over %d shapes, coefficients >= 0)%n", f.fixedS() * 1e3, f.perTokenS() * 1e3, f.perSessionS() * 1e3,
                    f.r2(), f.rmsResidualS() * 1e3, 100 * f.maxRelResidual(), document.shapes().size()));
            if (document.passes() != null) {
                b.append(String.format(Locale.ROOT, "sessions in non-consecutive slots: %.3g ms per extra llama.cpp pass,"
                        + " %.3g ms per padding token (the verifier pads a gap where that is cheaper; measured at its"
                        + " start)%n", document.passes().passS() * 1e3, document.passes().padTokenS() * 1e3));
            }
            b.append("covers: ").append(f.range().describe()).append("; batches that did not fill (dropped): ")
                    .append(document.partialBatches()).append('\n');
            b.append("measured: ").append(document.library()).append(", ").append(document.provenance().threads())
                    .append(" thread(s), ").append(document.machine()).append(", ").append(document.provenance().date())
                    .append('\n');
            if (document.provenance().flagged()) {
                b.append("warning: busy machine while measuring (").append(document.provenance().contention())
                        .append("): the times may be too high\n");
            }
            if (storedId != null) {
                b.append("stored as ").append(storedId).append(" in ").append(storeLocation).append('\n');
            }
            return b.toString();
        }
    }

    private CalibrationRun() {
    }

    /**
     * @param store store the document here, or null
     * @param out   write the document (JSON) to this file, or null
     */
    public static Result run(VerifierCalibration.Request r, StoreLocation store, Path out)
            throws InterruptedException {
        CalibrationDocument d;
        try (LlamaModel t = LlamaModel.load(ModelStore.defaultStore().resolve(r.target()))) {
            d = VerifierCalibration.run(r, t);
        }
        ProfileDocument doc = d.toDocument(Instant.now());
        if (out != null) {
            try {
                Files.writeString(out, doc.document() + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ConfigSpecException("--out " + out + ": cannot write (" + e.getMessage() + ")");
            }
        }
        if (store == null) {
            return new Result(d, null, null);
        }
        try (ProfileStore s = ProfileStores.open(store)) {
            s.put(doc);
            return new Result(d, doc.id(), s.location());
        }
    }
}
