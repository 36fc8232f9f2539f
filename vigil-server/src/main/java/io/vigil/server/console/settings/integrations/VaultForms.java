package io.vigil.server.console.settings.integrations;

import static io.vigil.server.console.settings.internal.FormValues.list;
import static io.vigil.server.console.settings.internal.FormValues.secret;
import static io.vigil.server.console.settings.internal.FormValues.text;

import io.vigil.integrations.pam.PamVendor;
import io.vigil.server.api.ApiValues;
import io.vigil.server.console.settings.internal.FormField;
import io.vigil.server.console.settings.internal.FormField.Choice;
import io.vigil.server.pam.PamConnectionRequest;
import io.vigil.server.pam.PamConnectionView;
import io.vigil.server.pam.VaultSignIn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Each vault vendor's connect form, and the request to {@code PamConnections} a submitted one makes. */
final class VaultForms {

    private VaultForms() {
    }

    static List<FormField> fields(PamVendor vendor) {
        List<FormField> fields = new ArrayList<>();
        fields.add(FormField.text("name", "Name").hint("How Vigil names this vault, e.g. PVWA production"));
        fields.add(FormField.select("auth", "Sign-in", signIns(vendor)));
        switch (vendor) {
            case CYBERARK -> {
                fields.add(FormField.text("url", "PVWA URL").hint("e.g. https://pvwa.corp.local/PasswordVault/"));
                fields.add(FormField.text("identityUrl", "Identity tenant URL").optional()
                        .hint("Privilege Cloud only, e.g. https://abc1234.id.cyberark.cloud"));
                fields.add(FormField.text("user", "Vault user or service user"));
                fields.add(FormField.secret("secret", "Password or client secret"));
            }
            case BEYONDTRUST -> {
                fields.add(FormField.text("url", "Password Safe API URL")
                        .hint("e.g. https://pws.corp.local/BeyondTrust/api/public/v3/"));
                fields.add(FormField.text("user", "Run-as user or OAuth client id").optional());
                fields.add(FormField.secret("secret", "API key or client secret"));
                fields.add(FormField.secret("runAsPassword", "Run-as password").optional()
                        .hint("Only when the API key's registration asks for the user's password"));
            }
            case DELINEA -> {
                fields.add(FormField.text("url", "Secret Server or Platform URL")
                        .hint("e.g. https://corp.secretservercloud.com/"));
                fields.add(FormField.text("user", "User or client id"));
                fields.add(FormField.text("domain", "Login domain").optional().hint("Secret Server with domain accounts only"));
                fields.add(FormField.secret("secret", "Password or client secret"));
            }
        }
        fields.add(FormField.text("sessionHosts", "Session hosts").optional()
                .hint("The PSM servers or session proxies brokered sign-ins come from, separated by commas"));
        return fields;
    }

    static PamConnectionRequest request(PamVendor vendor, Map<String, String> form) {
        return new PamConnectionRequest(text(form, "name"), ApiValues.name(vendor), text(form, "auth"),
                text(form, "url"), text(form, "identityUrl"), text(form, "user"), text(form, "domain"),
                list(form, "sessionHosts"), secret(form, "secret"), secret(form, "runAsPassword"), true);
    }

    /** The connection as it is, enabled or disabled; its stored secrets stay. */
    static PamConnectionRequest withEnabled(PamConnectionView v, boolean enabled) {
        return new PamConnectionRequest(v.name(), v.vendor(), v.auth(), v.url(), v.identityUrl(), v.user(), v.domain(),
                v.sessionHosts(), null, null, enabled);
    }

    static String signInLabel(VaultSignIn signIn) {
        return switch (signIn) {
            case VAULT_LOGON -> "Vault user (PVWA, self-hosted)";
            case IDENTITY_CLIENT -> "Identity service user (Privilege Cloud)";
            case API_KEY -> "API registration key";
            case OAUTH_CLIENT -> "OAuth client";
            case SECRET_SERVER -> "Secret Server user";
            case PLATFORM -> "Delinea Platform service user";
        };
    }

    private static List<Choice> signIns(PamVendor vendor) {
        return Arrays.stream(VaultSignIn.values()).filter(s -> s.vendor() == vendor)
                .map(s -> new Choice(ApiValues.name(s), signInLabel(s))).toList();
    }
}
