package io.vigil.server.pam;

import static io.vigil.integrations.ldap.testing.AdLikeDirectory.BASE;
import static io.vigil.integrations.ldap.testing.AdLikeDirectory.SYNC_DN;
import static io.vigil.integrations.ldap.testing.AdLikeDirectory.SYNC_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vigil.ingest.journal.IngestBatch;
import io.vigil.ingest.journal.IngestBatchCodec;
import io.vigil.ingest.journal.Journal;
import io.vigil.ingest.journal.JournalFullException;
import java.io.IOException;
import io.vigil.integrations.ldap.testing.AdLikeDirectory;
import io.vigil.model.alert.Alert;
import io.vigil.server.directory.DirectoryInventory;
import io.vigil.server.security.RunningServer;
import io.vigil.simulators.core.SimulatorOptions;
import io.vigil.simulators.core.VendorSimulator;
import io.vigil.store.PageRequest;
import io.vigil.store.alerts.AlertFilter;
import io.vigil.store.alerts.StoredAlert;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A running server wired to the directory stand-in and vault simulators the way an administrator
 * would through the API, and domain controller events of lab.example fed into its journal.
 */
final class PamLab {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String DC = "DC1.lab.example";

    private PamLab() {
    }

    /** Adds lab.example as a directory source and waits until its first sync shows {@code alice}. */
    static void syncDirectory(RunningServer server, String admin, AdLikeDirectory directory) {
        json(server.send("POST", "/api/v1/integrations/directory/sources", admin, """
                {"domain": "LAB.example", "hosts": ["127.0.0.1"], "port": %d, "security": "plain",
                 "baseDn": "%s", "bindDn": "%s", "password": "%s"}"""
                .formatted(directory.port(), BASE, SYNC_DN, SYNC_PASSWORD)));
        await().atMost(Duration.ofSeconds(60)).until(() -> identity(server, admin, "alice") != null);
    }

    /** Connects a vault simulator with its main sign-in and syncs it (accounts, then sessions). */
    static String connect(RunningServer server, String admin, VendorSimulator sim, List<String> sessionHosts) {
        SimulatorOptions o = sim.options();
        String hosts = JSON.writeValueAsString(sessionHosts);
        String body = switch (sim.vendor().toLowerCase()) {
            case "cyberark" -> "{\"name\":\"pvwa\",\"vendor\":\"cyberark\",\"auth\":\"vault-logon\",\"url\":\"" + sim.url()
                    + "\",\"user\":\"" + o.userName() + "\",\"secret\":\"" + o.password() + "\",\"sessionHosts\":" + hosts + "}";
            case "beyondtrust" -> "{\"name\":\"password safe\",\"vendor\":\"beyondtrust\",\"auth\":\"api-key\",\"url\":\""
                    + sim.url() + "\",\"user\":\"" + o.userName() + "\",\"secret\":\"" + o.apiKey()
                    + "\",\"runAsPassword\":\"" + o.password() + "\",\"sessionHosts\":" + hosts + "}";
            default -> "{\"name\":\"secret server\",\"vendor\":\"delinea\",\"auth\":\"secret-server\",\"url\":\""
                    + sim.url() + "\",\"user\":\"" + o.userName() + "\",\"secret\":\"" + o.password()
                    + "\",\"sessionHosts\":" + hosts + "}";
        };
        String id = json(server.send("POST", "/api/v1/integrations/pam/connections", admin, body)).get("id").asString();
        JsonNode synced = json(server.send("POST", "/api/v1/integrations/pam/connections/" + id + "/sync", admin, null));
        assertThat(synced.get("status").asString()).as(synced.toString()).isEqualTo("connected");
        return id;
    }

    /** Appends JSON-lines events to the journal, as the ingest API would. */
    static void ingest(RunningServer server, String... lines) throws JournalFullException, IOException {
        byte[] body = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        Journal journal = server.context().getBean(Journal.class);
        journal.append(List.of(IngestBatchCodec.encode(new IngestBatch("test", "application/x-ndjson", Instant.now(),
                body))));
    }

    /** 4624 on the DC: {@code user} of LAB signed in from {@code ip} ({@code workstation} as the client claims). */
    static String logon(Instant t, String user, String workstation, String ip) {
        return event(4624, t, "\"TargetUserName\":\"" + user + "\",\"TargetDomainName\":\"LAB\",\"LogonType\":\"3\","
                + "\"AuthenticationPackageName\":\"Kerberos\",\"WorkstationName\":\"" + workstation
                + "\",\"IpAddress\":\"" + ip + "\",\"IpPort\":\"50123\"");
    }

    /** 4768: a TGT for {@code user} from {@code ip}. */
    static String tgt(Instant t, String user, String ip) {
        return event(4768, t, "\"TargetUserName\":\"" + user + "\",\"TargetDomainName\":\"LAB\",\"ServiceName\":\"krbtgt\","
                + "\"IpAddress\":\"::ffff:" + ip + "\",\"Status\":\"0x0\",\"TicketEncryptionType\":\"0x12\",\"PreAuthType\":\"2\"");
    }

    /** 4776: the DC validated {@code user}'s NTLM credentials for {@code workstation}. */
    static String ntlm(Instant t, String user, String workstation) {
        return event(4776, t, "\"PackageName\":\"MICROSOFT_AUTHENTICATION_PACKAGE_V1_0\",\"TargetUserName\":\"" + user
                + "\",\"Workstation\":\"" + workstation + "\",\"Status\":\"0x0\"");
    }

    /** 4662: {@code user} asked for DS-Replication-Get-Changes(-All), as a DCSync does. */
    static String replication(Instant t, String user) {
        return event(4662, t, "\"SubjectUserName\":\"" + user + "\",\"SubjectDomainName\":\"LAB\",\"ObjectServer\":\"DS\","
                + "\"AccessMask\":\"0x100\",\"Properties\":\"%%7688 {1131f6ad-9c07-11d1-f79f-00c04fc2dcd2}"
                + " {1131f6aa-9c07-11d1-f79f-00c04fc2dcd2}\",\"ObjectName\":\"%{0b4c6b3c-1d2e-4f5a-9b8c-7d6e5f4a3b2c}\"");
    }

    /** 4769: {@code requester} got an RC4 service ticket for the account {@code service} from {@code ip}. */
    static String rc4ServiceTicket(Instant t, String requester, String service, String ip) {
        return event(4769, t, "\"TargetUserName\":\"" + requester + "@LAB.EXAMPLE\",\"TargetDomainName\":\"LAB.EXAMPLE\","
                + "\"ServiceName\":\"" + service + "\",\"TicketEncryptionType\":\"0x17\",\"Status\":\"0x0\","
                + "\"IpAddress\":\"::ffff:" + ip + "\"");
    }

    private static String event(int id, Instant t, String fields) {
        return "{\"EventID\":" + id + ",\"Channel\":\"Security\",\"Hostname\":\"" + DC + "\",\"@timestamp\":\"" + t
                + "\"," + fields + "}";
    }

    /**
     * Whether the server has read the checkouts of every vault account behind {@code sam}'s "Managed by"
     * tags for sign-ins at these times (with outside-pam-session's default 5-minute tolerance). Only
     * looks: unlike the detector's question, it asks for no look-up.
     */
    static boolean checkoutsRead(RunningServer server, String sam, Instant... signIns) {
        DirectoryInventory inventory = server.context().getBean(DirectoryInventory.class);
        VaultCheckouts checkouts = server.context().getBean(VaultCheckouts.class);
        UUID identity = inventory.current().identities().stream()
                .filter(t -> sam.equalsIgnoreCase(t.identity().samAccountName())).findFirst().orElseThrow()
                .identity().objectGuid();
        var refs = inventory.current().vaultAccountsOf(identity);
        return !refs.isEmpty() && refs.stream().allMatch(ref -> java.util.Arrays.stream(signIns).allMatch(t ->
                checkouts.answers(ref, identity, t.minus(Duration.ofMinutes(5)), t.plus(Duration.ofMinutes(5)))));
    }

    /** The stored alerts a detector raised. */
    static List<Alert> alerts(RunningServer server, String detector) {
        return server.database().alerts().find(AlertFilter.any().withTypes(detector), PageRequest.of(0, 100)).items().stream()
                .map(StoredAlert::alert).toList();
    }

    /** The identity the API lists with this sAMAccountName, or null. */
    static JsonNode identity(RunningServer server, String auth, String sam) {
        JsonNode page = json(server.send("GET", "/api/v1/identities?search=" + sam + "&limit=200", auth, null));
        return StreamSupport.stream(page.path("items").spliterator(), false)
                .filter(i -> sam.equalsIgnoreCase(i.path("samAccountName").asString(""))).findFirst().orElse(null);
    }

    static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return JSON.readTree(response.body());
    }
}
