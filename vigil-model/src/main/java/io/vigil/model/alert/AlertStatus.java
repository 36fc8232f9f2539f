package io.vigil.model.alert;

public enum AlertStatus {
    NEW("New"), IN_PROGRESS("InProgress"), RESOLVED("Resolved");

    private final String sentinelName;

    AlertStatus(String sentinelName) {
        this.sentinelName = sentinelName;
    }

    public String sentinelName() {
        return sentinelName;
    }
}
