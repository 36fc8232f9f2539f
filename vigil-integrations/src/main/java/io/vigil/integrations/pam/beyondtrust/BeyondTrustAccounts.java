package io.vigil.integrations.pam.beyondtrust;

import io.vigil.integrations.pam.ChangeHandle;
import io.vigil.integrations.pam.ChangeState;
import io.vigil.integrations.pam.ManagedAccount;
import io.vigil.integrations.pam.PamVendor;
import io.vigil.integrations.pam.PrivilegedSession;
import io.vigil.integrations.pam.internal.PamJson;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** Reads Password Safe's managed systems, managed accounts (both listings) and sessions. */
final class BeyondTrustAccounts {

    private BeyondTrustAccounts() {
    }

    /** A managed system's account; directory systems are those with a {@code DirectoryID}. */
    static ManagedAccount provisioned(JsonNode a, JsonNode system) {
        boolean directorySystem = PamJson.field(system, "DirectoryID") != null;
        String domain = PamJson.text(a, "DomainName");
        String sam = PamJson.text(a, "SAMAccountName");
        return new ManagedAccount(PamVendor.BEYONDTRUST, PamJson.text(a, "ManagedAccountID"),
                sam != null ? sam : PamJson.text(a, "AccountName"), domain, PamJson.text(a, "UserPrincipalName"),
                PamJson.text(system, "DnsName", "HostName", "SystemName"), PamJson.text(system, "SystemName"),
                systemType(system), directorySystem || domain != null, PamJson.bool(a, "AutoManagementFlag"),
                PamJson.instant(a, "LastChangeDate"));
    }

    /** A role-based listing item; it does not say whether the account is auto-managed. */
    static ManagedAccount roleBased(JsonNode a) {
        String domain = PamJson.text(a, "DomainName");
        String name = PamJson.text(a, "AccountName");
        int slash = name == null ? -1 : name.indexOf('\\');
        if (slash > 0) {
            domain = domain != null ? domain : name.substring(0, slash);
            name = name.substring(slash + 1);
        }
        return new ManagedAccount(PamVendor.BEYONDTRUST, PamJson.text(a, "AccountId", "ManagedAccountID"), name, domain,
                PamJson.text(a, "UserPrincipalName"), PamJson.text(a, "SystemName"), PamJson.text(a, "SystemName"),
                PamJson.text(a, "PlatformID"), domain != null, null, PamJson.instant(a, "LastChangeDate"));
    }

    private static String systemType(JsonNode system) {
        if (PamJson.field(system, "DirectoryID") != null) {
            return "Directory";
        }
        if (PamJson.field(system, "DatabaseID") != null) {
            return "Database";
        }
        if (PamJson.field(system, "CloudID") != null) {
            return "Cloud";
        }
        return "Asset";
    }

    /**
     * {@code IsChanging} is true while the change is queued or running; once it is false the change
     * succeeded if {@code LastChangeDate} moved past its value before the request, and failed if not.
     */
    static ChangeState changeState(ChangeHandle handle, JsonNode account) {
        if (Boolean.TRUE.equals(PamJson.bool(account, "IsChanging"))) {
            return ChangeState.inProgress("BeyondTrust Password Safe is changing the password.");
        }
        Instant last = PamJson.instant(account, "LastChangeDate");
        if (last != null && (handle.lastChangeBefore() == null || last.isAfter(handle.lastChangeBefore()))) {
            return ChangeState.succeeded("BeyondTrust Password Safe changed the password.", last);
        }
        return ChangeState.failed("BeyondTrust Password Safe finished without changing the password"
                + " (LastChangeDate did not move); see the account's change history in Password Safe.");
    }

    /** Status 1 is "in progress"; {@code UserID} is a BeyondInsight user id (no name in this API). */
    static PrivilegedSession session(JsonNode s) {
        String account = PamJson.text(s, "ManagedAccountName");
        String domain = null;
        int slash = account == null ? -1 : account.indexOf('\\');
        if (slash > 0) {
            domain = account.substring(0, slash);
            account = account.substring(slash + 1);
        }
        long protocol = PamJson.number(s, -1, "Protocol");
        boolean live = PamJson.number(s, -1, "Status") == 1;
        return new PrivilegedSession(PamVendor.BEYONDTRUST, PamJson.text(s, "SessionID"), PamJson.text(s, "UserID"),
                PamJson.text(s, "ManagedAccountID"), account, domain, PamJson.text(s, "AssetName"),
                null, protocol == 0 ? "RDP" : protocol == 1 ? "SSH" : null, PamJson.instant(s, "StartTime"),
                live ? null : PamJson.instant(s, "EndTime"));
    }
}
