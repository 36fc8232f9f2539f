package io.vigil.model.alert;

/**
 * An entity an alert is about, shaped after Sentinel's entity schema so export is a mapping:
 * {@code account}, {@code host} and {@code ip}.
 */
public sealed interface Entity permits Entity.AccountEntity, Entity.HostEntity, Entity.IpEntity {

    /** Sentinel's lower-case {@code Type}. */
    String type();

    /** A human label for tables and consoles. */
    String label();

    record AccountEntity(String name, String ntDomain, String sid) implements Entity {
        public String type() { return "account"; }
        public String label() { return ntDomain == null ? name : ntDomain + "\\" + name; }
    }

    record HostEntity(String hostName, String dnsDomain) implements Entity {
        public String type() { return "host"; }
        public String label() { return dnsDomain == null ? hostName : hostName + "." + dnsDomain; }
    }

    record IpEntity(String address) implements Entity {
        public String type() { return "ip"; }
        public String label() { return address; }
    }
}
