package org.configspec.profile.power;

import java.util.List;
import java.util.Objects;

/**
 * What a meter measures: its kind ({@code rapl}, {@code pmic}, ...), a one-line method description (what is read,
 * from where, in which unit), the rails summed, whether the number is an estimate rather than a measurement, and a
 * caveat (e.g. "whole system, only while discharging").
 */
public record MeterInfo(String kind, String method, List<String> rails, boolean estimate, String caveat) {
    public MeterInfo {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(method, "method");
        rails = List.copyOf(rails);
        caveat = caveat == null ? "" : caveat;
        if (kind.isBlank() || method.isBlank()) {
            throw new IllegalArgumentException("meter kind and method must not be blank");
        }
    }
}
