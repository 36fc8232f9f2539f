package io.vigil.integrations.pam.delinea;

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

/** Reads Secret Server's secret summaries, audits and recorded sessions. */
final class DelineaSecrets {

    private DelineaSecrets() {
    }

    /**
     * Domain and user name come from the requested extended fields, else from a secret name of the
     * form {@code DOMAIN\name}; a name with {@code @} is the UPN (Delinea's Defender integration
     * requires Entra secrets to be named so).
     */
    static ManagedAccount account(JsonNode s, Set<String> directoryTemplates) {
        String name = PamJson.text(s, "name");
        String domain = extended(s, "Domain");
        String userName = extended(s, "Username");
        String machine = extended(s, "Machine");
        String upn = null;
        if (name != null && name.contains("@") && !name.contains("\\")) {
            upn = name;
        } else if (name != null && name.contains("\\") && userName == null) {
            userName = name.substring(name.indexOf('\\') + 1);
        }
        String template = PamJson.text(s, "secretTemplateName");
        boolean directory = domain != null
                || (template != null && directoryTemplates.stream().anyMatch(template::equalsIgnoreCase));
        if (userName == null && upn != null) {
            userName = upn.substring(0, upn.indexOf('@'));
        }
        String folder = PamJson.text(s, "folderPath", "folderId");
        return new ManagedAccount(PamVendor.DELINEA, PamJson.text(s, "id"), userName, directory ? domain : null, upn,
                machine != null ? machine : domain, folder, template, directory, PamJson.bool(s, "autoChangeEnabled"),
                PamJson.instant(s, "lastPasswordChangeAttempt"));
    }

    private static String extended(JsonNode s, String field) {
        for (JsonNode f : PamJson.elements(s, "extendedFields")) {
            if (field.equalsIgnoreCase(PamJson.text(f, "name"))) {
                return PamJson.text(f, "value");
            }
        }
        return null;
    }

    /**
     * After {@code passwordChangePending} clears: out of sync is a failure (unless it was already
     * so and nothing was attempted since); a newer {@code lastPasswordChangeAttempt} in sync is success.
     */
    static ChangeState changeState(ChangeHandle handle, JsonNode summary) {
        Instant attempt = PamJson.instant(summary, "lastPasswordChangeAttempt");
        boolean attempted = attempt != null
                && (handle.lastChangeBefore() == null || attempt.isAfter(handle.lastChangeBefore()));
        boolean outOfSync = Boolean.TRUE.equals(PamJson.bool(summary, "isOutOfSync"));
        boolean wasOutOfSync = "outOfSync=true".equals(handle.stateBefore());
        if (outOfSync && (attempted || !wasOutOfSync)) {
            String reason = PamJson.text(summary, "outOfSyncReason");
            return ChangeState.failed("Delinea Secret Server could not change the password"
                    + (reason == null ? "." : ": " + reason));
        }
        if (attempted && !outOfSync) {
            return ChangeState.succeeded("Delinea Secret Server changed the password.", attempt);
        }
        return ChangeState.pending("Waiting for Delinea Secret Server to change the password.");
    }

    static PrivilegedSession session(JsonNode s) {
        boolean live = Boolean.TRUE.equals(PamJson.bool(s, "active"));
        String user = PamJson.text(s, "userNameForDisplay", "userName");
        return new PrivilegedSession(PamVendor.DELINEA, PamJson.text(s, "secretSessionId"), user,
                PamJson.text(s, "secretId", "auditSecretId"), PamJson.text(s, "secretSessionUserName"), null, PamJson.text(s, "machineName"), null,
                PamJson.text(s, "launcherName"), PamJson.instant(s, "startDate"),
                live ? null : PamJson.instant(s, "endDate"));
    }

    /**
     * One secret audit record. The action vocabulary is not documented (docs/pam-vendor-apis.md §7): a
     * check-out, a view (opening the secret, in the UI or through the API, shows its fields), a password
     * displayed or copied hand the password over; a launch is a launcher session; a check-in returns it.
     */
    static AccountActivity activity(String secretId, JsonNode a) {
        String action = PamJson.text(a, "action", "actionForDisplay");
        return new AccountActivity(PamVendor.DELINEA, secretId, PamJson.instant(a, "dateRecorded"),
                PamJson.text(a, "username", "byUserDisplayName"), action, PamJson.text(a, "notes"), use(action));
    }

    private static AccountActivity.Use use(String action) {
        String name = ActionNames.squeezed(action);
        if (name == null) {
            return AccountActivity.Use.OTHER;
        }
        if (name.startsWith("checkout") || name.startsWith("checkedout") || name.equals("view")
                || name.equals("webserviceview") || name.contains("passworddisplayed") || name.contains("copypassword")) {
            return AccountActivity.Use.CHECKOUT;
        }
        if (name.startsWith("launch")) {
            return AccountActivity.Use.LAUNCH;
        }
        if (name.startsWith("checkin") || name.startsWith("checkedin")) {
            return AccountActivity.Use.CHECKIN;
        }
        return AccountActivity.Use.OTHER;
    }
}
