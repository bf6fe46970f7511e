package org.configspec.profile.store;

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
        device = blankToNull(device);
        draft = blankToNull(draft);
        quant = blankToNull(quant);
        target = blankToNull(target);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
