package io.vigil.server.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vigil.model.alert.Entity;
import io.vigil.model.incident.EntityKey;

/**
 * An entity an alert is about. {@code key} is what incidents group on and what the {@code entity}
 * filters match; only the fields of the entity's type are present.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EntityView(String type, String key, String label, String name, String domain, String sid,
                         String hostName, String dnsDomain, String address) {

    public static EntityView of(Entity entity) {
        String key = EntityKey.of(entity);
        if (entity instanceof Entity.AccountEntity a) {
            return new EntityView(a.type(), key, a.label(), a.name(), a.ntDomain(), a.sid(), null, null, null);
        }
        if (entity instanceof Entity.HostEntity h) {
            return new EntityView(h.type(), key, h.label(), null, null, null, h.hostName(), h.dnsDomain(), null);
        }
        Entity.IpEntity ip = (Entity.IpEntity) entity;
        return new EntityView(ip.type(), key, ip.label(), null, null, null, null, null, ip.address());
    }
}
