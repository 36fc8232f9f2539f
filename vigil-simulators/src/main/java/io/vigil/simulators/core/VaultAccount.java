package io.vigil.simulators.core;

import java.time.Instant;

/** A simulated vault's account and the state of its password changes. Guarded by its {@link Vault}. */
public final class VaultAccount {

    private final int id;
    private final SeedAccount seed;
    private final Instant created;
    private Instant lastChange;
    private Instant lastAttempt;
    private ChangeStatus status = ChangeStatus.NONE;
    private String failureReason;
    private int pollsLeft;
    private int changeRequests;

    VaultAccount(int id, SeedAccount seed, Instant created) {
        this.id = id;
        this.seed = seed;
        this.created = created;
        this.lastChange = created;
        this.lastAttempt = created;
    }

    public int id() {
        return id;
    }

    public SeedAccount seed() {
        return seed;
    }

    public Instant created() {
        return created;
    }

    public synchronized Instant lastChange() {
        return lastChange;
    }

    public synchronized Instant lastAttempt() {
        return lastAttempt;
    }

    public synchronized ChangeStatus status() {
        return status;
    }

    public synchronized String failureReason() {
        return failureReason;
    }

    /** How many change requests the vault accepted for this account. */
    public synchronized int changeRequests() {
        return changeRequests;
    }

    synchronized void startChange(int polls) {
        status = ChangeStatus.IN_PROGRESS;
        failureReason = null;
        pollsLeft = polls;
        changeRequests++;
    }

    /** One look at the account's state; the change finishes when its polls run out. */
    synchronized boolean observe() {
        if (status == ChangeStatus.IN_PROGRESS && --pollsLeft <= 0) {
            return true;
        }
        return false;
    }

    synchronized void finish(boolean success, String reason, Instant at) {
        lastAttempt = at;
        if (success) {
            lastChange = at;
            status = ChangeStatus.SUCCEEDED;
            failureReason = null;
        } else {
            status = ChangeStatus.FAILED;
            failureReason = reason;
        }
    }
}
