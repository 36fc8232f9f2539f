package io.vigil.server.console.settings.integrations;

import java.time.Instant;
import java.util.List;

/**
 * One configured connection on an integration card.
 *
 * @param group        the actions' path segment: {@code vaults}, {@code siem} or {@code directory}
 * @param note         a word on the state when the badge alone does not say it ("not tested yet", "syncing")
 * @param facts        what it connects to, for whoever may read it
 * @param activity     "Last sync" or "Last delivery", with {@code activityAt}
 * @param lastError    hidden from viewers the integration's API does not show errors to
 * @param version      the version the page read, sent back with changes that need it (SIEM exporters)
 */
public record ConnectionRow(String group, String id, String name, ConnectionState state, String note, List<Fact> facts,
                     String activity, Instant activityAt, String lastError, Instant lastErrorAt, boolean enabled,
                     Long version, boolean syncable) {

    public record Fact(String label, String value) {
    }

    public String stateValue() {
        return state.value();
    }
}
