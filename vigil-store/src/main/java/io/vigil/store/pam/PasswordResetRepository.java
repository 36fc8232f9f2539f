package io.vigil.store.pam;

import io.vigil.store.NotFoundException;
import io.vigil.store.Page;
import io.vigil.store.PageRequest;
import io.vigil.store.internal.PagedQuery;
import io.vigil.store.internal.StoreContext;
import io.vigil.store.internal.Times;
import io.vigil.store.internal.Where;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;

/** Password resets requested through a vault; one per idempotency key, whoever asks again. */
public final class PasswordResetRepository {

    /** States after which nothing more happens to a reset. */
    public static final Set<String> FINAL = Set.of("SUCCEEDED", "FAILED", "TIMED_OUT", PasswordReset.REJECTED);

    private static final RowMapper<PasswordReset> MAPPER = (rs, row) -> new PasswordReset(
            rs.getString("id"), rs.getString("idempotency_key"), rs.getString("connection_id"),
            rs.getString("account_id"), rs.getString("target"), rs.getString("identity_id"), rs.getString("reason"),
            rs.getString("requested_by"), rs.getString("alert_id"), rs.getString("state"), rs.getString("message"),
            rs.getString("handle"), rs.getString("decided_by"), Times.fromDb(rs, "decided_at"),
            Times.fromDb(rs, "requested_at"), Times.fromDb(rs, "updated_at"));

    private final StoreContext store;

    public PasswordResetRepository(StoreContext store) {
        this.store = store;
    }

    /**
     * Stores a new request in its state ({@code REQUESTED} unless it says {@code AWAITING_APPROVAL}), or
     * returns the one already stored under the same idempotency key (a client retry, two clicks, an alert
     * raised again); {@code created} says which.
     */
    public Created createOnce(PasswordReset reset) {
        Optional<PasswordReset> earlier = findByKey(reset.idempotencyKey());
        if (earlier.isPresent()) {
            return new Created(earlier.get(), false);
        }
        Instant now = store.now();
        try {
            store.jdbc().sql("""
                            INSERT INTO pam_resets (id, idempotency_key, connection_id, account_id, target, identity_id,
                                reason, requested_by, alert_id, state, requested_at, updated_at)
                            VALUES (:id, :key, :connection, :account, :target, :identity, :reason, :by, :alert, :state,
                                :now, :now)""")
                    .param("id", reset.id()).param("key", reset.idempotencyKey())
                    .param("connection", reset.connectionId()).param("account", reset.accountId())
                    .param("target", reset.target()).param("identity", reset.identityId())
                    .param("reason", reset.reason()).param("by", reset.requestedBy())
                    .param("alert", reset.alertId())
                    .param("state", PasswordReset.AWAITING_APPROVAL.equals(reset.state())
                            ? PasswordReset.AWAITING_APPROVAL : PasswordReset.REQUESTED)
                    .param("now", Times.toDb(now))
                    .update();
        } catch (DuplicateKeyException raced) {
            return new Created(findByKey(reset.idempotencyKey()).orElseThrow(), false);
        }
        return new Created(find(reset.id()).orElseThrow(), true);
    }

    public record Created(PasswordReset reset, boolean created) {
    }

    /**
     * Moves a reset on, but only from {@code expectedState}: two workers (or a worker and a restart)
     * can never both take the same step.
     *
     * @return whether this call made the move
     */
    public boolean advance(String id, String expectedState, String state, String message, String handle) {
        return store.jdbc().sql("""
                        UPDATE pam_resets SET state = :state, message = :message,
                               handle = COALESCE(:handle, handle), updated_at = :now
                         WHERE id = :id AND state = :expected""")
                .param("id", id).param("expected", expectedState).param("state", state).param("message", message)
                .param("handle", handle).param("now", Times.toDb(store.now()))
                .update() == 1;
    }

    /**
     * Approves ({@code REQUESTED}) or rejects ({@code REJECTED}) a request waiting for approval, recording
     * who decided; only from {@code AWAITING_APPROVAL}, so a request is decided once.
     *
     * @return whether this call decided it
     */
    public boolean decide(String id, boolean approve, String decidedBy, String message) {
        Instant now = store.now();
        return store.jdbc().sql("""
                        UPDATE pam_resets SET state = :state, message = :message, decided_by = :by, decided_at = :now,
                               updated_at = :now
                         WHERE id = :id AND state = :expected""")
                .param("id", id).param("expected", PasswordReset.AWAITING_APPROVAL)
                .param("state", approve ? PasswordReset.REQUESTED : PasswordReset.REJECTED)
                .param("message", message).param("by", decidedBy).param("now", Times.toDb(now))
                .update() == 1;
    }

    public Optional<PasswordReset> find(String id) {
        return store.jdbc().sql("SELECT * FROM pam_resets WHERE id = :id").param("id", id).query(MAPPER).optional();
    }

    public PasswordReset get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("password reset", id));
    }

    public Optional<PasswordReset> findByKey(String idempotencyKey) {
        return store.jdbc().sql("SELECT * FROM pam_resets WHERE idempotency_key = :key").param("key", idempotencyKey)
                .query(MAPPER).optional();
    }

    /** Resets the worker carries on with: neither final nor waiting for approval, oldest first. */
    public List<PasswordReset> unfinished() {
        return store.jdbc().sql("SELECT * FROM pam_resets WHERE state NOT IN (:idle) ORDER BY requested_at, id")
                .param("idle", Stream.concat(FINAL.stream(), Stream.of(PasswordReset.AWAITING_APPROVAL)).toList())
                .query(MAPPER).list();
    }

    /** The resets started from these alerts, newest first. */
    public List<PasswordReset> forAlerts(Collection<String> alertIds) {
        if (alertIds.isEmpty()) {
            return List.of();
        }
        return store.jdbc().sql("SELECT * FROM pam_resets WHERE alert_id IN (:alerts) ORDER BY requested_at DESC, id")
                .param("alerts", List.copyOf(alertIds)).query(MAPPER).list();
    }

    /** The resets of a directory identity (by objectGUID), newest first. */
    public List<PasswordReset> forIdentity(String identityId) {
        return store.jdbc().sql("SELECT * FROM pam_resets WHERE identity_id = :identity ORDER BY requested_at DESC, id")
                .param("identity", identityId).query(MAPPER).list();
    }

    /** Newest first, optionally for one target. */
    public Page<PasswordReset> find(String target, PageRequest page) {
        Where where = new Where().equalTo("r.target", "target", target);
        return PagedQuery.run(store.jdbc(), "r.*", "pam_resets r", where, "r.requested_at DESC, r.id", page, MAPPER);
    }
}
