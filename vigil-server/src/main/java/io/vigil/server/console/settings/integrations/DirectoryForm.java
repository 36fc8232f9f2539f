package io.vigil.server.console.settings.integrations;

import static io.vigil.server.console.settings.internal.FormValues.integer;
import static io.vigil.server.console.settings.internal.FormValues.list;
import static io.vigil.server.console.settings.internal.FormValues.secret;
import static io.vigil.server.console.settings.internal.FormValues.text;

import io.vigil.server.console.settings.internal.FormField;
import io.vigil.server.console.settings.internal.FormField.Choice;
import io.vigil.server.directory.DirectorySourceRequest;
import io.vigil.server.directory.DirectorySourceView;
import java.util.List;
import java.util.Map;

/** The Active Directory connect form, and the request to {@code DirectorySourceService} a submitted one makes. */
final class DirectoryForm {

    static final List<FormField> FIELDS = List.of(
            FormField.text("domain", "Domain").hint("The DNS name, e.g. corp.example.com"),
            FormField.text("hosts", "Domain controllers").hint("Host names or addresses, separated by commas"),
            FormField.select("security", "Connection security", List.of(new Choice("ldaps", "LDAPS"),
                    new Choice("start_tls", "StartTLS"), new Choice("plain", "Plain LDAP (test labs only)"))),
            FormField.number("port", "Port").optional().hint("Default 636 for LDAPS, 389 otherwise"),
            FormField.text("baseDn", "Base DN").hint("e.g. DC=corp,DC=example,DC=com"),
            FormField.text("bindDn", "Bind account DN").hint("A read-only account Vigil signs in with"),
            FormField.secret("password", "Bind password"),
            FormField.text("caFile", "CA certificates file").optional()
                    .hint("A PEM file on the Vigil server, when the DCs' CA is not trusted by the system"),
            FormField.text("pinnedCertificates", "Pinned certificates").optional()
                    .hint("SHA-256 fingerprints of the DCs' certificates, instead of a CA file"),
            FormField.number("pageSize", "Page size").optional().hint("Entries per LDAP page, default 500"));

    private DirectoryForm() {
    }

    static DirectorySourceRequest request(Map<String, String> form) {
        String password = secret(form, "password");
        return new DirectorySourceRequest(text(form, "domain"), list(form, "hosts"), integer(form, "port", "Port"),
                text(form, "security"), text(form, "caFile"), list(form, "pinnedCertificates"), text(form, "baseDn"),
                text(form, "bindDn"), password == null ? null : password.toCharArray(), true,
                integer(form, "pageSize", "Page size"));
    }

    /** The source as it is, enabled or disabled; its stored password stays. */
    static DirectorySourceRequest withEnabled(DirectorySourceView v, boolean enabled) {
        return new DirectorySourceRequest(v.domain(), v.hosts(), v.port(), v.security(), v.caFile(),
                v.pinnedCertificates(), v.baseDn(), v.bindDn(), null, enabled, v.pageSize());
    }
}
