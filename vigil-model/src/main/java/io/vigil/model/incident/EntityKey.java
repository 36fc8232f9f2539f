package io.vigil.model.incident;

import io.vigil.model.alert.Entity;

import java.util.Locale;

/**
 * The key under which alerts about the same entity are grouped into one incident, e.g.
 * {@code account:contoso\alice}, {@code host:dc01}, {@code ip:10.0.0.5}.
 * Case is folded because Windows names are case-insensitive; a host is keyed by its first DNS label
 * because events name the same machine both by NetBIOS name and by FQDN.
 */
public final class EntityKey {

    private EntityKey() {
    }

    public static String of(Entity entity) {
        if (entity instanceof Entity.AccountEntity account) {
            return "account:" + fold(account.label());
        }
        if (entity instanceof Entity.HostEntity host) {
            return "host:" + fold(firstLabel(host.hostName()));
        }
        return "ip:" + fold(((Entity.IpEntity) entity).address());
    }

    private static String firstLabel(String hostName) {
        if (hostName == null) {
            return "";
        }
        int dot = hostName.indexOf('.');
        return dot < 0 ? hostName : hostName.substring(0, dot);
    }

    private static String fold(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
