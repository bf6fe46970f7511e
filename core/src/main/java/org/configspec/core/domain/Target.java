package org.configspec.core.domain;

import org.configspec.core.error.Check;

/**
 * The cloud target model that verifies drafts.
 *
 * @param name   target name ("Llama-3.1-70B")
 * @param family model family
 * @param hfId   the model's Hugging Face id, as in acceptance data
 * @param price  its prices
 */
public record Target(String name, String family, String hfId, Pricing price) {
    public Target {
        Check.name("target.name", name);
        Check.present("target '" + name + "': price", price);
        family = family == null ? "" : family;
        hfId = hfId == null ? "" : hfId;
    }

    public Target withPrice(Pricing p) {
        return new Target(name, family, hfId, p);
    }
}
