package org.configspec.store;

/**
 * Which stored profiles to list: every non-null field must match exactly; null matches anything.
 *
 * @param kind   document kind ("draft", "acceptance", ...)
 * @param device device name
 * @param draft  draft model name
 * @param target target model name
 */
public record ProfileFilter(String kind, String device, String draft, String target) {
    public static final ProfileFilter ALL = new ProfileFilter(null, null, null, null);

    public ProfileFilter {
        kind = ProfileKeys.blankToNull(kind);
        device = ProfileKeys.blankToNull(device);
        draft = ProfileKeys.blankToNull(draft);
        target = ProfileKeys.blankToNull(target);
    }

    public static ProfileFilter kind(String kind) {
        return new ProfileFilter(kind, null, null, null);
    }

    public boolean matches(ProfileDocument d) {
        return (kind == null || kind.equals(d.kind())) && (device == null || device.equals(d.keys().device()))
                && (draft == null || draft.equals(d.keys().draft())) && (target == null || target.equals(d.keys().target()));
    }
}
