package io.vigil.server.console.settings.integrations;

import io.vigil.server.console.settings.internal.Feedback;
import io.vigil.server.console.settings.internal.FilledForm;
import java.util.List;

/**
 * One integration on Settings &gt; Integrations: its connections and the form that adds one.
 *
 * @param key        {@code cyberark}, {@code sentinel}, {@code directory}, …: the card's element id and the connect path
 * @param group      the actions' path segment: {@code vaults}, {@code siem} or {@code directory}
 * @param form       the connect form, null for viewers who may not connect
 * @param formOpen   shown open, when it comes back refused
 * @param feedback   what the last action on this card did, or null
 */
public record IntegrationCard(String key, String group, String title, String blurb, List<ConnectionRow> connections,
                       FilledForm form, boolean formOpen, Feedback feedback) {

    public String stateValue() {
        return ConnectionState.of(connections.stream().map(ConnectionRow::state).toList()).value();
    }

    /** Where the connect form posts: a vendor's or kind's own path, the directory's one. */
    public String connectPath() {
        String base = "/settings/integrations/" + group;
        return (group.equals(IntegrationCards.DIRECTORY) ? base : base + "/" + key) + "/connect";
    }

    public String elementId() {
        return "integration-" + key;
    }

    IntegrationCard with(Feedback feedback) {
        return new IntegrationCard(key, group, title, blurb, connections, form, formOpen, feedback);
    }

    /** The card with its connect form as refused: what was typed (secrets left out) and why. */
    IntegrationCard refused(FilledForm typed, Feedback why) {
        return new IntegrationCard(key, group, title, blurb, connections, typed, true, why);
    }
}
