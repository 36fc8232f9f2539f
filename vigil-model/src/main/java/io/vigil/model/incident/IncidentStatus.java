package io.vigil.model.incident;

/** Incident lifecycle with the names Sentinel's {@code SecurityIncident.Status} column uses. */
public enum IncidentStatus {
    NEW("New"), ACTIVE("Active"), CLOSED("Closed");

    private final String sentinelName;

    IncidentStatus(String sentinelName) {
        this.sentinelName = sentinelName;
    }

    public String sentinelName() {
        return sentinelName;
    }

    /** Open incidents still take new alerts; a closed one never does. */
    public boolean isOpen() {
        return this != CLOSED;
    }
}
