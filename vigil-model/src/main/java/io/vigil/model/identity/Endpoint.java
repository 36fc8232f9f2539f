package io.vigil.model.identity;

/** A network peer: host name (short, upper-case NetBIOS style when derived from a name), IP, port. */
public record Endpoint(String host, String ip, int port) {

    public static final Endpoint NONE = new Endpoint(null, null, 0);

    public boolean isKnown() {
        return host != null || ip != null;
    }

    /** The stable key of this peer: the host when named, else the IP. */
    public String key() {
        return host != null ? host : ip;
    }

    public String display() {
        if (host != null && ip != null) {
            return host + " (" + ip + ")";
        }
        return host != null ? host : ip;
    }
}
