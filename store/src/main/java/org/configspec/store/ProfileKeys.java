package org.configspec.store;

/**
 * What a stored profile is about, for filtering without parsing documents. Each key is null where it does not apply
 * (an acceptance profile has no device; a draft profile has no target).
 *
 * @param device device name
 * @param draft  draft model name
 * @param quant  quantisation
 * @param target target model name
 */
public record ProfileKeys(String device, String draft, String quant, String target) {
    public static final ProfileKeys NONE = new ProfileKeys(null, null, null, null);

    public ProfileKeys {
        device = checked("device", device, 256);
        draft = checked("draft", draft, 256);
        quant = checked("quant", quant, 64);
        target = checked("target", target, 256);
    }

    /** Blank becomes null; longer than the schema's column is an error (PostgreSQL would refuse it, SQLite would not). */
    private static String checked(String field, String v, int max) {
        String s = blankToNull(v);
        if (s != null && s.length() > max) {
            throw new org.configspec.core.error.ConfigSpecException("profile key " + field + " must be at most " + max
                    + " characters, got " + s.length() + " ('" + s.substring(0, 20) + "...')");
        }
        return s;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
