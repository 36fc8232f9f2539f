package io.vigil.model.identity;

import io.vigil.model.event.WindowsEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * The normalised view built-in detectors read: who did what to whom, from where, with what result.
 * Numbers that Windows renders in hex ({@code Status}, {@code TicketEncryptionType}) are parsed;
 * {@link #NONE} marks a number the event does not carry. The untouched source event is kept in
 * {@link #raw()} for evidence and for fields the normalised view does not lift.
 *
 * @param actor       the account that acted (the requester / subject / authenticating account)
 * @param target      the account acted upon (member added, account reset, roasted service account…)
 * @param group       the group, for membership changes
 * @param source      where the activity came from (client host / IP / port)
 * @param destination the host that recorded or served it (the DC for Kerberos, the server for logons)
 * @param service     Kerberos service name, installed service name, or the NTLM server accessed
 * @param object      the directory object (DN or GUID) for directory events
 * @param attribute   the LDAP attribute changed (5136) or the replication right requested (4662)
 * @param value       the attribute value written (5136)
 */
public record IdentityEvent(
        IdentityEventKind kind,
        Instant time,
        Outcome outcome,
        Account actor,
        Account target,
        Account group,
        Endpoint source,
        String destination,
        AuthProtocol protocol,
        long status,
        long subStatus,
        int encryptionType,
        int preAuthType,
        int logonType,
        String service,
        String object,
        String attribute,
        String value,
        WindowsEvent raw) {

    public static final int NONE = -1;

    public IdentityEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(time, "time");
        outcome = outcome == null ? Outcome.UNKNOWN : outcome;
        source = source == null ? Endpoint.NONE : source;
        protocol = protocol == null ? AuthProtocol.NONE : protocol;
    }

    public static Builder builder(IdentityEventKind kind, WindowsEvent raw) {
        return new Builder(kind, raw);
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCESS;
    }

    /** The Windows EventID behind this event. */
    public int eventId() {
        return raw == null ? NONE : raw.eventId();
    }

    /** A copy shifted in time, used when one recording is replayed several times. */
    public IdentityEvent withTime(Instant newTime) {
        return new IdentityEvent(kind, newTime, outcome, actor, target, group, source, destination, protocol,
                status, subStatus, encryptionType, preAuthType, logonType, service, object, attribute, value,
                raw == null ? null : raw.withTime(newTime));
    }

    public static final class Builder {
        private final IdentityEventKind kind;
        private final WindowsEvent raw;
        private Instant time;
        private Outcome outcome = Outcome.UNKNOWN;
        private Account actor;
        private Account target;
        private Account group;
        private Endpoint source = Endpoint.NONE;
        private String destination;
        private AuthProtocol protocol = AuthProtocol.NONE;
        private long status = NONE;
        private long subStatus = NONE;
        private int encryptionType = NONE;
        private int preAuthType = NONE;
        private int logonType = NONE;
        private String service;
        private String object;
        private String attribute;
        private String value;

        private Builder(IdentityEventKind kind, WindowsEvent raw) {
            this.kind = kind;
            this.raw = raw;
            this.time = raw == null ? null : raw.time();
            this.destination = raw == null ? null : raw.computer();
        }

        public Builder time(Instant v) { this.time = v; return this; }
        public Builder outcome(Outcome v) { this.outcome = v; return this; }
        public Builder actor(Account v) { this.actor = v; return this; }
        public Builder target(Account v) { this.target = v; return this; }
        public Builder group(Account v) { this.group = v; return this; }
        public Builder source(Endpoint v) { this.source = v; return this; }
        public Builder destination(String v) { this.destination = v; return this; }
        public Builder protocol(AuthProtocol v) { this.protocol = v; return this; }
        public Builder status(long v) { this.status = v; return this; }
        public Builder subStatus(long v) { this.subStatus = v; return this; }
        public Builder encryptionType(int v) { this.encryptionType = v; return this; }
        public Builder preAuthType(int v) { this.preAuthType = v; return this; }
        public Builder logonType(int v) { this.logonType = v; return this; }
        public Builder service(String v) { this.service = v; return this; }
        public Builder object(String v) { this.object = v; return this; }
        public Builder attribute(String v) { this.attribute = v; return this; }
        public Builder value(String v) { this.value = v; return this; }

        public IdentityEvent build() {
            return new IdentityEvent(kind, time, outcome, actor, target, group, source, destination, protocol,
                    status, subStatus, encryptionType, preAuthType, logonType, service, object, attribute, value,
                    raw);
        }
    }
}
