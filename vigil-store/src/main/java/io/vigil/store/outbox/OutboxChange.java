package io.vigil.store.outbox;

/** What put an alert into the outbox. */
public enum OutboxChange {
    /** The alert was raised. */
    NEW,
    /** The detector changed what a SIEM sees (times, description, entities, severity, …). */
    UPDATE,
    /** An analyst changed its status. */
    STATUS
}
