package io.vigil.model.alert;

/** Alert severity with the names Sentinel's {@code AlertSeverity} column uses. */
public enum Severity {
    INFORMATIONAL("Informational"), LOW("Low"), MEDIUM("Medium"), HIGH("High");

    private final String sentinelName;

    Severity(String sentinelName) {
        this.sentinelName = sentinelName;
    }

    public String sentinelName() {
        return sentinelName;
    }
}
