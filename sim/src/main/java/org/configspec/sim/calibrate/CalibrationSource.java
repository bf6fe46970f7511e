package org.configspec.sim.calibrate;

import java.nio.file.Path;
import java.util.Map;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.sim.ServiceTime;
import org.configspec.store.CalibrationDocument;
import org.configspec.store.ProfileStore;
import org.configspec.store.ProfileStores;
import org.configspec.store.StoreLocation;

/**
 * Where {@code simulate --calibration} takes the fitted service time from: {@code store} (the newest "calibration"
 * document of the default store: $CONFIGSPEC_STORE, else ~/.configspec/profiles.db), {@code store:URL} (of that
 * store), or a file holding one calibration document ({@code profile verifier --out FILE}).
 */
public final class CalibrationSource {
    private CalibrationSource() {
    }

    public static CalibrationDocument load(String source, Map<String, String> env) {
        if (source == null || source.isBlank()) {
            throw new ConfigSpecException("--calibration is empty: give store, store:URL or a calibration file");
        }
        if (!source.equals("store") && !source.startsWith("store:")) {
            return CalibrationDocument.read(Path.of(source));
        }
        String url = source.equals("store") ? null : source.substring("store:".length());
        StoreLocation where = ProfileStores.resolve(url, env);
        try (ProfileStore s = ProfileStores.openExisting(where)) {
            return CalibrationDocument.latest(s, null).orElseThrow(() -> new ConfigSpecException("--calibration "
                    + source + ": the store " + s.location() + " holds no calibration; make one with 'configspec"
                    + " profile verifier --store'"));
        }
    }

    /** The service time of the calibration (refusing batches outside its range unless {@code extrapolate}). */
    public static ServiceTime serviceTime(CalibrationDocument d, boolean extrapolate) {
        return ServiceTime.calibrated(d.fit(), d.passes(), extrapolate, d.target() + ", " + d.provenance().date() + ", "
                + d.provenance().threads() + " thread(s)");
    }
}
