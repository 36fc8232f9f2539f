package io.vigil.server.console.settings.integrations;

import java.util.List;

/** A group of cards on Settings &gt; Integrations: the PAM vaults, the SIEMs, the directory. */
public record CardGroup(String title, String blurb, List<IntegrationCard> cards) {

    /** The group with one card replaced by {@code card} (the same key), e.g. a refused form shown again. */
    CardGroup replacing(IntegrationCard card) {
        return new CardGroup(title, blurb, cards.stream().map(c -> c.key().equals(card.key()) ? card : c).toList());
    }
}
