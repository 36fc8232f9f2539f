package io.vigil.server.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * The body of a triage {@code PATCH} on an alert or an incident: only the fields sent change.
 * {@code "assignee": null} unassigns, while leaving {@code assignee} out keeps it; a record cannot tell
 * those apart, hence the setters.
 */
public final class TriageChange {

    private String status;
    private String classification;
    private String assignee;
    private boolean assigneeSent;
    private Long version;

    @JsonProperty("status")
    public void setStatus(String status) {
        this.status = status;
    }

    @JsonProperty("classification")
    public void setClassification(String classification) {
        this.classification = classification;
    }

    @JsonProperty("assignee")
    public void setAssignee(String assignee) {
        this.assignee = assignee;
        this.assigneeSent = true;
    }

    @JsonProperty("version")
    public void setVersion(Long version) {
        this.version = version;
    }

    public Optional<String> status() {
        return Optional.ofNullable(status);
    }

    public Optional<String> classification() {
        return Optional.ofNullable(classification);
    }

    public boolean assigneeSent() {
        return assigneeSent;
    }

    /** The new assignee, {@code null} to unassign; only meaningful when {@link #assigneeSent()}. */
    public String assignee() {
        return assignee == null || assignee.isBlank() ? null : assignee.strip();
    }

    public Long version() {
        return version;
    }

    /** Refuses a change that changes nothing, and an assignee the store cannot hold. */
    public void check() {
        if (status == null && classification == null && !assigneeSent) {
            throw new InvalidRequestException("body", "send at least one of status, classification, assignee");
        }
        if (assignee != null && assignee.length() > 256) {
            throw new InvalidRequestException("assignee", "assignee may hold at most 256 characters");
        }
    }
}
