package io.vigil.integrations.pam.cyberark;

import io.vigil.integrations.pam.AccountActivity;
import io.vigil.integrations.pam.ChangeHandle;
import io.vigil.integrations.pam.ChangeState;
import io.vigil.integrations.pam.ManagedAccount;
import io.vigil.integrations.pam.PamVendor;
import io.vigil.integrations.pam.PrivilegedSession;
import io.vigil.integrations.pam.internal.ActionNames;
import io.vigil.integrations.pam.internal.PamJson;
import java.time.Instant;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Reads CyberArk's {@code AccountModel}, PSM session objects and account activities. */
final class CyberArkAccounts {

    /** Vault audit action codes: Retrieve Password, and Retrieve Password (from Provider) by an application. */
    private static final Set<Long> RETRIEVALS = Set.of(295L, 319L);

    private CyberArkAccounts() {
    }

    /**
     * AD accounts: a directory platform or a {@code LogonDomain} property. The domain is that NetBIOS
     * name when present, else {@code address}, which for domain platforms is the domain's DNS name.
     */
    static ManagedAccount account(JsonNode a, Set<String> directoryPlatforms) {
        String platform = PamJson.text(a, "platformId");
        String address = PamJson.text(a, "address");
        String logonDomain = PamJson.text(PamJson.field(a, "platformAccountProperties"), "LogonDomain");
        boolean directory = logonDomain != null
                || (platform != null && directoryPlatforms.stream().anyMatch(platform::equalsIgnoreCase));
        JsonNode management = PamJson.field(a, "secretManagement");
        return new ManagedAccount(PamVendor.CYBERARK, PamJson.text(a, "id"), PamJson.text(a, "userName"),
                directory ? (logonDomain != null ? logonDomain : address) : null, null, address,
                PamJson.text(a, "safeName"), platform, directory,
                PamJson.bool(management, "automaticManagementEnabled"),
                PamJson.instant(management, "lastModifiedTime"));
    }

    /**
     * {@code status} goes {@code inProcess} → {@code success} | {@code failure}; success counts only
     * once {@code lastModifiedTime} moved past its value before the request. A failure that was
     * already there before the request is an earlier change's, so this one is still pending.
     */
    static ChangeState changeState(ChangeHandle handle, JsonNode account) {
        JsonNode management = PamJson.field(account, "secretManagement");
        String status = PamJson.text(management, "status");
        Instant last = PamJson.instant(management, "lastModifiedTime");
        boolean advanced = last != null && (handle.lastChangeBefore() == null || last.isAfter(handle.lastChangeBefore()));
        if ("inProcess".equalsIgnoreCase(status)) {
            return ChangeState.inProgress("The CyberArk CPM is changing the password.");
        }
        if ("failure".equalsIgnoreCase(status)) {
            if ("failure".equalsIgnoreCase(handle.stateBefore()) && !advanced) {
                return ChangeState.pending("Waiting for the CyberArk CPM (its previous change of this account had failed).");
            }
            String reason = PamJson.text(management, "manualManagementReason");
            return ChangeState.failed("The CyberArk CPM could not change the password"
                    + (reason == null ? "." : ": " + reason));
        }
        if (advanced) {
            return ChangeState.succeeded("The CyberArk CPM changed the password.", last);
        }
        return ChangeState.pending("Waiting for the CyberArk CPM to pick up the change.");
    }

    static PrivilegedSession session(JsonNode s) {
        Boolean live = PamJson.bool(s, "IsLive");
        Instant end = Boolean.TRUE.equals(live) ? null : PamJson.instant(s, "End");
        return new PrivilegedSession(PamVendor.CYBERARK, PamJson.text(s, "SessionID", "SessionGuid"),
                PamJson.text(s, "User"), null, PamJson.text(s, "AccountUsername"), PamJson.text(s, "AccountAddress"),
                PamJson.text(s, "RemoteMachine"), PamJson.text(s, "FromIP"), PamJson.text(s, "Protocol"),
                PamJson.instant(s, "Start"), end);
    }

    /**
     * One entry of {@code Accounts/{id}/Activities} ({@code Date} in Unix seconds). A retrieval (code 295
     * or 319, else an action named "Retrieve password" or a check-out) hands the password over; "Use
     * Password" (308) and PSM Connect (300) are sessions the PSM proxies, which the session API reports
     * with their end, so they stay {@code OTHER} here. Check-in's code is not in the contract: its name is matched.
     */
    static AccountActivity activity(String accountId, JsonNode a) {
        String action = PamJson.text(a, "Action");
        long code = PamJson.number(a, -1, "ActionID");
        String name = ActionNames.squeezed(action);
        AccountActivity.Use use = AccountActivity.Use.OTHER;
        if (RETRIEVALS.contains(code) || name != null && (name.startsWith("retrievepassword") || name.contains("checkout"))) {
            use = AccountActivity.Use.CHECKOUT;
        } else if (name != null && name.contains("checkin")) {
            use = AccountActivity.Use.CHECKIN;
        }
        String reason = PamJson.text(a, "Reason");
        String more = PamJson.text(a, "MoreInfo");
        String details = reason == null ? more : more == null ? reason : reason + "; " + more;
        return new AccountActivity(PamVendor.CYBERARK, accountId, PamJson.instant(a, "Date"), PamJson.text(a, "User"),
                action, details, use);
    }
}
