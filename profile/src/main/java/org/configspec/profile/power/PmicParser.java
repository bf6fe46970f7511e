package org.configspec.profile.power;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.configspec.core.error.ConfigSpecException;

/**
 * Parses {@code vcgencmd pmic_read_adc}: lines {@code VDD_CORE_A current(7)=1.08A} and {@code VDD_CORE_V
 * volt(15)=0.72V}. The channel numbers of a rail's current and voltage differ, so rails are paired by name (the
 * text before {@code _A}/{@code _V}). Rails with only a voltage ({@code EXT5V}, {@code BATT}) or only a current are
 * left out; non-numbers such as {@code nanV} are skipped. The older {@code VDD_CORE_A=1.2340A} form is accepted too.
 */
public final class PmicParser {
    private static final Pattern LINE = Pattern.compile(
            "^\\s*(\\S+?)_([AV])(?:\\s+(?:current|volt|voltage)\\(\\d+\\))?\\s*=\\s*(\\S+?)[AV]?\\s*$");

    private PmicParser() {
    }

    /** The paired rails in output order; {@code where} names the command for messages. */
    public static List<PmicRail> parse(String output, String where) {
        if (output.contains("error=") && output.contains("error_msg")) {
            String line = output.lines().filter(l -> l.contains("error=")).findFirst().orElse(output).trim();
            throw new ConfigSpecException("'" + where + "' answered '" + line + "': this firmware or board has no PMIC ADC"
                    + " readout (Raspberry Pi 5 only; update the firmware with 'sudo rpi-eeprom-update -a' and"
                    + " 'sudo apt full-upgrade'), or choose another --meter");
        }
        Map<String, Double> amps = new LinkedHashMap<>();
        Map<String, Double> volts = new LinkedHashMap<>();
        for (String line : output.split("\\R")) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            double value;
            try {
                value = Double.parseDouble(m.group(3));
            } catch (NumberFormatException e) {
                continue;
            }
            if (!Double.isFinite(value)) {
                continue;
            }
            (m.group(2).equals("A") ? amps : volts).put(m.group(1), value);
        }
        List<PmicRail> rails = new ArrayList<>();
        for (Map.Entry<String, Double> a : amps.entrySet()) {
            Double v = volts.get(a.getKey());
            if (v != null) {
                rails.add(new PmicRail(a.getKey(), a.getValue(), v));
            }
        }
        if (rails.isEmpty()) {
            String first = output.lines().findFirst().orElse("").trim();
            throw new ConfigSpecException("'" + where + "' printed no rail with both a current (NAME_A current(n)=xA) and a"
                    + " voltage (NAME_V volt(n)=yV) line; first line: '" + first + "'");
        }
        return rails;
    }
}
