package io.vigil.model.identity;

import java.util.Locale;

/**
 * An account as an event names it. Any part may be null; {@link #key()} gives the identity used for
 * keyed state and comparisons: the SID when known and not a well-known null SID, else
 * {@code name} lower-cased (domains are spelled too many ways — NetBIOS, DNS, upper, lower — to key on).
 */
public record Account(String domain, String name, String sid) {

    public static Account of(String domain, String name, String sid) {
        if (name == null && sid == null) {
            return null;
        }
        return new Account(domain, name, sid);
    }

    /** Machine accounts end with {@code $}. */
    public boolean isMachine() {
        return name != null && name.endsWith("$");
    }

    public String key() {
        return name != null ? name.toLowerCase(Locale.ROOT) : sid;
    }

    /** {@code DOMAIN\name}, or just the name. */
    public String display() {
        if (name == null) {
            return sid;
        }
        return domain == null ? name : domain + "\\" + name;
    }

    /** The relative id at the end of a domain SID, or -1. */
    public long rid() {
        if (sid == null) {
            return -1;
        }
        int dash = sid.lastIndexOf('-');
        try {
            return dash < 0 ? -1 : Long.parseLong(sid.substring(dash + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public boolean sameAs(Account other) {
        return other != null && key() != null && key().equals(other.key());
    }
}
