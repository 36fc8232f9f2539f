package io.vigil.integrations.pam;

import java.time.Instant;
import java.util.List;

/**
 * A connection to one PAM vault: inventory of the privileged accounts it manages, "reset password
 * by <vendor>" as an asynchronous change to poll, and the sessions it brokered. Implementations sign
 * in on first use, sign in again once when the vault says the session expired, retry 429 and 5xx
 * within bounds, and are safe to call from several threads.
 *
 * <p>Every method except {@link #testConnection()} and {@link #close()} throws {@link PamException}
 * when the vault cannot be asked or refuses; its message can be shown as is.
 */
public interface PamConnector extends AutoCloseable {

    PamVendor vendor();

    /** Signs in and makes one cheap read; never throws. */
    PamOutcome testConnection();

    /** Every account the vault manages that the API user can see, all pages. */
    List<ManagedAccount> listManagedAccounts();

    /**
     * Asks the vault to give the account a new random password now, using the vault's own change
     * engine so the directory and the vault stay in step. Follow it with {@link #pollChange}.
     */
    ChangeHandle requestPasswordChange(String accountId);

    /** The change's state now; a vendor-reported failure is {@link ChangeStatus#FAILED}, not an exception. */
    ChangeState pollChange(ChangeHandle handle);

    /** Sessions that started at or after {@code since}, live and ended. */
    List<PrivilegedSession> recentSessions(Instant since);

    /**
     * The account's audit records at or after {@code since}, newest first, where the vendor offers them
     * ({@link PamVendor#auditsAccounts()}); {@link PamFailure#UNSUPPORTED} where it does not, or where
     * this vault is too old to.
     */
    default List<AccountActivity> accountActivity(String accountId, Instant since) {
        throw new PamException(vendor(), PamFailure.UNSUPPORTED,
                vendor().displayName() + " offers no account audit API to Vigil.");
    }

    /** Signs out where the vendor has a sign-out; never throws. */
    @Override
    void close();
}
