package io.vigil.model.identity;

/** A network peer: host name (short, upper-case NetBIOS style when derived from a name), IP, port. */
public record Endpoint(String host, String ip, int port) {

    public static final Endpoint NONE = new Endpoint(null, null, 0);

    public boolean isKnown() {
        return host != null || ip != null;
    }

    /**
     * The stable key of this peer: the IP when known, else the host name. The IP comes first because
     * the workstation name in NTLM and logon events is whatever the client claims (attack tools send a
     * random one per attempt), while the address is where the packets came from.
     */
    public String key() {
        return ip != null ? ip : host;
    }

    public String display() {
        if (host != null && ip != null) {
            return host + " (" + ip + ")";
        }
        return host != null ? host : ip;
    }
}
