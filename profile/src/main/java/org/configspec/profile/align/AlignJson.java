package org.configspec.profile.align;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Writes an {@link AlignResult} as JSON (records as objects; unknown spreads as the string "NaN"). */
public final class AlignJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AlignJson() {
    }

    public static String render(AlignResult r) {
        try {
            return MAPPER.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the acceptance profile as JSON: " + e.getMessage(), e);
        }
    }
}
