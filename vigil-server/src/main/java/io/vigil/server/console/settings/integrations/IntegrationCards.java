package io.vigil.server.console.settings.integrations;

import io.vigil.integrations.pam.PamVendor;
import io.vigil.integrations.siem.SiemKind;
import io.vigil.server.api.ApiValues;
import io.vigil.server.console.settings.integrations.ConnectionRow.Fact;
import io.vigil.server.console.settings.internal.FilledForm;
import io.vigil.server.directory.DirectorySourceService;
import io.vigil.server.directory.DirectorySourceView;
import io.vigil.server.directory.SyncOutcomeView;
import io.vigil.server.directory.SyncStatusView;
import io.vigil.server.pam.PamConnectionView;
import io.vigil.server.pam.PamConnections;
import io.vigil.server.pam.VaultSignIn;
import io.vigil.server.siem.DeliveryStatusView;
import io.vigil.server.siem.SiemExporterService;
import io.vigil.server.siem.SiemExporterView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The cards of Settings &gt; Integrations, read from the services the API uses. What a card shows
 * follows what the integration's API shows the viewer: vault connections and directory sync status to
 * every role, a vault's or a directory's settings and SIEM settings and errors to admins only.
 */
@Component
class IntegrationCards {

    static final String VAULTS = "vaults";
    static final String SIEM = "siem";
    static final String DIRECTORY = "directory";

    private final PamConnections vaults;
    private final SiemExporterService exporters;
    private final DirectorySourceService directory;

    IntegrationCards(PamConnections vaults, SiemExporterService exporters, DirectorySourceService directory) {
        this.vaults = vaults;
        this.exporters = exporters;
        this.directory = directory;
    }

    List<CardGroup> groups(boolean admin) {
        List<PamConnectionView> connections = vaults.list();
        List<SiemExporterView> siems = exporters.list();
        return List.of(
                new CardGroup("Privileged access", "Vaults whose accounts Vigil tags and whose passwords it resets",
                        Arrays.stream(PamVendor.values()).map(v -> vaultCard(v, connections, admin)).toList()),
                new CardGroup("SIEM", "Where Vigil sends its alerts",
                        Arrays.stream(SiemKind.values()).map(k -> siemCard(k, siems, admin)).toList()),
                new CardGroup("Directory", "The domains whose identities, groups and tags Vigil knows",
                        List.of(directoryCard(admin))));
    }

    /** One card by its key ({@code cyberark}, {@code sentinel}, {@code directory}, …), for an admin. */
    IntegrationCard card(String key) {
        if (DIRECTORY.equals(key)) {
            return directoryCard(true);
        }
        for (PamVendor vendor : PamVendor.values()) {
            if (ApiValues.name(vendor).equals(key)) {
                return vaultCard(vendor, vaults.list(), true);
            }
        }
        return siemCard(SiemKind.valueOf(key.toUpperCase(Locale.ROOT)), exporters.list(), true);
    }

    static String key(PamVendor vendor) {
        return ApiValues.name(vendor);
    }

    static String key(SiemKind kind) {
        return ApiValues.name(kind);
    }

    private IntegrationCard vaultCard(PamVendor vendor, List<PamConnectionView> all, boolean admin) {
        List<ConnectionRow> rows = all.stream().filter(c -> c.vendor().equals(ApiValues.name(vendor)))
                .map(IntegrationCards::vaultRow).toList();
        return new IntegrationCard(key(vendor), VAULTS, vendor.displayName(), vendor.managedTag() + " tags and "
                + vendor.resetActionLabel() + " as a response action", rows,
                admin ? FilledForm.blank(VaultForms.fields(vendor)) : null, false, null);
    }

    private static ConnectionRow vaultRow(PamConnectionView c) {
        boolean tested = !"unknown".equals(c.status());
        ConnectionState state = !c.enabled() ? ConnectionState.DISABLED
                : "failed".equals(c.status()) ? ConnectionState.ERROR
                : "connected".equals(c.status()) ? ConnectionState.CONNECTED : ConnectionState.NOT_CONNECTED;
        List<Fact> facts = List.of(new Fact("URL", c.url()),
                new Fact("Sign-in", VaultForms.signInLabel(ApiValues.parse(VaultSignIn.class, "auth", c.auth()))),
                new Fact("User", c.user() == null ? "—" : c.user()),
                new Fact("Session hosts", c.sessionHosts().isEmpty() ? "any" : String.join(", ", c.sessionHosts())),
                new Fact("Managed accounts", Integer.toString(c.accounts())));
        return new ConnectionRow(VAULTS, c.id(), c.name(), state,
                state == ConnectionState.NOT_CONNECTED && !tested ? "not tested yet" : null, facts, "Last sync",
                c.syncedAt(), "failed".equals(c.status()) ? c.statusMessage() : null, c.checkedAt(), c.enabled(), null,
                true);
    }

    private IntegrationCard siemCard(SiemKind kind, List<SiemExporterView> all, boolean admin) {
        List<ConnectionRow> rows = all.stream().filter(e -> e.kind().equals(kind.name()))
                .map(e -> siemRow(e, admin)).toList();
        return new IntegrationCard(key(kind), SIEM, switch (kind) {
            case SENTINEL -> "Microsoft Sentinel";
            case CEF_SYSLOG -> "CEF syslog";
            case WEBHOOK -> "Webhook";
        }, switch (kind) {
            case SENTINEL -> "Alerts into a SecurityAlert-shaped table through the Logs Ingestion API";
            case CEF_SYSLOG -> "Alerts as CEF messages to a syslog collector";
            case WEBHOOK -> "Alerts as signed JSON to any HTTPS endpoint";
        }, rows, admin ? FilledForm.blank(ExporterForms.fields(kind)) : null, false, null);
    }

    /** The delivery status is the service's own, lag included: the console never computes it. */
    private static ConnectionRow siemRow(SiemExporterView e, boolean admin) {
        DeliveryStatusView s = e.status();
        ConnectionState state = !e.enabled() ? ConnectionState.DISABLED
                : s.lastError() != null ? ConnectionState.ERROR
                : s.running() ? ConnectionState.CONNECTED : ConnectionState.NOT_CONNECTED;
        List<Fact> facts = new ArrayList<>();
        if (admin) {
            facts.addAll(siemSettings(e));
            facts.add(new Fact("Delivered", Long.toString(s.delivered())));
            facts.add(new Fact("Waiting", s.backlog() == 0 ? "none"
                    : s.backlog() + " (oldest " + s.lagSeconds() + " s)"));
        }
        return new ConnectionRow(SIEM, e.id(), e.name(), state,
                state == ConnectionState.NOT_CONNECTED ? "delivery not running" : null, facts, "Last delivery",
                s.lastDeliveredAt(), admin ? s.lastError() : null, admin ? s.lastErrorAt() : null, e.enabled(),
                e.version(), false);
    }

    private static List<Fact> siemSettings(SiemExporterView e) {
        Map<String, String> s = e.settings();
        return switch (SiemKind.valueOf(e.kind())) {
            case SENTINEL -> List.of(new Fact("Endpoint", s.get("dataCollectionEndpoint")),
                    new Fact("Tenant", s.get("tenantId")), new Fact("Stream", s.get("streamName")),
                    new Fact("Credential", s.get("credential")));
            case CEF_SYSLOG -> List.of(new Fact("Collector", s.get("host") + ":" + s.get("port")),
                    new Fact("Transport", s.get("transport")));
            case WEBHOOK -> List.of(new Fact("URL", s.get("url")));
        };
    }

    private IntegrationCard directoryCard(boolean admin) {
        List<ConnectionRow> rows = directory.list().stream()
                .map(source -> directoryRow(source, directory.status(source.id()), admin)).toList();
        return new IntegrationCard(DIRECTORY, DIRECTORY, "Active Directory",
                "Identities, groups and tags synced over LDAP from each domain's controllers", rows,
                admin ? FilledForm.blank(DirectoryForm.FIELDS) : null, false, null);
    }

    private static ConnectionRow directoryRow(DirectorySourceView source, SyncStatusView status, boolean admin) {
        SyncOutcomeView last = status.last();
        boolean failed = last != null && "failed".equals(last.state());
        ConnectionState state = !source.enabled() ? ConnectionState.DISABLED
                : failed ? ConnectionState.ERROR
                : last != null ? ConnectionState.CONNECTED : ConnectionState.NOT_CONNECTED;
        List<Fact> facts = new ArrayList<>();
        if (admin) {
            facts.add(new Fact("Domain controllers", String.join(", ", source.hosts()) + " (port " + source.port() + ")"));
            facts.add(new Fact("Security", source.security()));
            facts.add(new Fact("Bind account", source.bindDn()));
        }
        facts.add(new Fact("Identities", status.inventory() == null ? "—"
                : Integer.toString(status.inventory().identities())));
        String note = status.syncing() ? "sync running" : last == null ? "not synced yet" : null;
        return new ConnectionRow(DIRECTORY, Long.toString(source.id()), source.domain(), state, note, facts,
                "Last sync", status.inventory() == null ? null : status.inventory().syncedAt(),
                failed ? last.error() : null, failed ? last.finished() : null, source.enabled(), null, true);
    }
}
