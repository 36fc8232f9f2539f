package io.vigil.model.audit;

/** How an audited action ended: done, failed while trying, or refused for lack of rights. */
public enum AuditOutcome { SUCCESS, FAILURE, DENIED }
