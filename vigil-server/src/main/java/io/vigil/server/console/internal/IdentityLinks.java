package io.vigil.server.console.internal;

import io.vigil.model.alert.Entity;
import io.vigil.model.incident.EntityKey;
import io.vigil.server.identities.IdentityService;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Where the account entities of alerts lead: their identity page, by entity key, for templates to link. */
@Component
public class IdentityLinks {

    private final IdentityService identities;

    IdentityLinks(IdentityService identities) {
        this.identities = identities;
    }

    /** Entity key → {@code /identities/{id}} for each account among the entities. */
    public Map<String, String> of(Collection<? extends Entity> entities) {
        Map<String, String> links = new LinkedHashMap<>();
        for (Entity entity : entities) {
            if (entity instanceof Entity.AccountEntity account) {
                links.computeIfAbsent(EntityKey.of(account), k -> of(account));
            }
        }
        return links;
    }

    public String of(Entity.AccountEntity account) {
        return Links.path("/identities/{id}", identities.idFor(account));
    }
}
