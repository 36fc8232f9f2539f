package io.vigil.integrations.ldap;

import static io.vigil.model.directory.IdentityTag.ASREP_ROASTABLE;
import static io.vigil.model.directory.IdentityTag.DISABLED;
import static io.vigil.model.directory.IdentityTag.DOMAIN_CONTROLLER;
import static io.vigil.model.directory.IdentityTag.KERBEROASTABLE;
import static io.vigil.model.directory.IdentityTag.SENSITIVE;
import static io.vigil.model.directory.IdentityTag.SERVICE_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.vigil.integrations.ldap.internal.PinnedCertificateTrustManager;
import io.vigil.model.directory.DirectoryIdentity;
import io.vigil.model.directory.DirectorySnapshot;
import io.vigil.model.directory.SyncErrorKind;
import io.vigil.model.directory.SyncMode;
import io.vigil.model.directory.SyncResult;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end against a real Samba AD DC, provisioned on a loopback address by
 * {@code src/test/samba/samba-lab.sh} (which installs the Debian packages when root and missing):
 * LDAPS with Samba's self-signed certificate pinned, a full sync, then a user added to Domain Admins
 * and an SPN set with samba-tool, and an incremental sync that shows the new tags.
 * Fails, never skips, when the DC cannot be provisioned.
 */
class SambaAdDirectorySyncIT {

    private static final Path SCRIPT = Path.of("src/test/samba/samba-lab.sh");
    private static final Path LAB = Path.of("target/samba-lab");
    private static final String IP = System.getenv().getOrDefault("VIGIL_SAMBA_IP", "127.0.0.31");
    private static final String BASE = "DC=lab,DC=example";
    private static final String SYNC_DN = "CN=vigil-sync,CN=Users," + BASE;
    private static final String USER_PASSWORD = "Vigil-Lab-Us3r!";
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(10);

    private static String certificateFingerprint;

    @BeforeAll
    static void startDomainController() throws Exception {
        Result up = run("up", LAB.toString(), IP);
        if (up.exitCode() != 0) {
            fail("Samba AD DC could not be provisioned on " + IP + " (exit " + up.exitCode() + "):\n" + up.output());
        }
        try (InputStream pem = Files.newInputStream(LAB.resolve("private/tls/cert.pem"))) {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(pem);
            certificateFingerprint = PinnedCertificateTrustManager.fingerprint(certificate);
        }
    }

    @AfterAll
    static void stopDomainController() throws Exception {
        Result down = run("down", LAB.toString());
        assertThat(down.exitCode()).as(down.output()).isZero();
    }

    private static LdapConnectionConfig.Builder ldaps() {
        return LdapConnectionConfig.builder("lab.example", BASE)
                .hosts(IP)
                .port(636)
                .security(TransportSecurity.LDAPS, TlsTrust.pinned(Set.of(certificateFingerprint)))
                .bind(SYNC_DN, USER_PASSWORD::toCharArray)
                .timeouts(Duration.ofSeconds(10), Duration.ofSeconds(60))
                .pageSize(100);
    }

    @Test
    void fullSyncThenAnAdditionToDomainAdminsAndANewSpnShowUpAfterAnIncrementalSync() throws Exception {
        LdapDirectorySource source = new LdapDirectorySource(ldaps().build());

        SyncResult full = source.fullSync();

        assertThat(full.outcome().error()).isNull();
        assertThat(full.outcome().mode()).isEqualTo(SyncMode.FULL);
        DirectorySnapshot first = full.snapshot();
        assertThat(first.server()).containsIgnoringCase("CN=DC1,");
        assertThat(first.highestUsn()).isPositive();
        TaggedInventory before = TaggedInventory.of(first);
        assertThat(before.identity("Administrator").objectSid()).startsWith("S-1-5-21-").endsWith("-500");
        assertThat(before.identity("Administrator").memberOf()).contains("CN=Domain Admins,CN=Users," + BASE);
        assertThat(before.identity("Administrators").objectSid()).isEqualTo("S-1-5-32-544");
        assertThat(before.tags("Administrator")).contains(SENSITIVE);
        assertThat(before.tags("DC1$")).contains(DOMAIN_CONTROLLER, SENSITIVE);
        assertThat(before.tags("krbtgt")).contains(DISABLED).doesNotContain(KERBEROASTABLE);
        assertThat(before.tags("carol")).containsExactly(ASREP_ROASTABLE);
        assertThat(before.tags("dave")).containsExactly(DISABLED);
        assertThat(before.tags("alice")).isEmpty();
        assertThat(before.tags("svc_web")).isEmpty();

        assertSucceeded(run("tool", LAB.toString(), "group", "addmembers", "Domain Admins", "alice"));
        assertSucceeded(run("tool", LAB.toString(), "spn", "add", "HTTP/web.lab.example", "svc_web"));
        SyncResult incremental = source.incrementalSync(first);

        assertThat(incremental.outcome().error()).isNull();
        assertThat(incremental.outcome().mode()).isEqualTo(SyncMode.INCREMENTAL);
        assertThat(incremental.snapshot().highestUsn()).isGreaterThan(first.highestUsn());
        assertThat(incremental.delta().changed()).extracting(DirectoryIdentity::samAccountName)
                .contains("Domain Admins", "alice", "svc_web");
        assertThat(incremental.delta().removed()).isEmpty();
        TaggedInventory after = TaggedInventory.of(incremental.snapshot());
        assertThat(after.tags("alice")).containsExactly(SENSITIVE);
        assertThat(after.tags("svc_web")).containsExactlyInAnyOrder(SERVICE_ACCOUNT, KERBEROASTABLE);
        assertThat(after.identity("svc_web").servicePrincipalNames()).containsExactly("HTTP/web.lab.example");
        assertThat(incremental.snapshot().identities()).hasSameSizeAs(first.identities());
    }

    @Test
    void aWrongPasswordIsReportedWithSambasSubCode() {
        SyncResult result = new LdapDirectorySource(ldaps().bind(SYNC_DN, "not-the-password"::toCharArray).build())
                .fullSync();

        assertThat(result.inventory()).isEmpty();
        assertThat(result.outcome().errorKind()).isEqualTo(SyncErrorKind.BAD_CREDENTIALS);
        assertThat(result.outcome().error()).contains("LDAP 49", "52e", "invalid credentials");
    }

    @Test
    void aCertificateThatIsNotPinnedIsRefused() {
        String other = "00".repeat(32);
        SyncResult result = new LdapDirectorySource(ldaps()
                .security(TransportSecurity.LDAPS, TlsTrust.pinned(Set.of(other))).build()).fullSync();

        assertThat(result.outcome().errorKind()).isEqualTo(SyncErrorKind.TLS);
        assertThat(result.outcome().error()).contains("not pinned", certificateFingerprint);
    }

    @Test
    void plainLdapWorksWhereTheLabAllowsSimpleBindsWithoutTls() {
        SyncResult result = new LdapDirectorySource(ldaps().port(389).security(TransportSecurity.PLAIN, null).build())
                .fullSync();

        assertThat(result.outcome().error()).isNull();
        assertThat(TaggedInventory.of(result.snapshot()).tags("Administrator")).contains(SENSITIVE);
    }

    private static void assertSucceeded(Result result) {
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add("bash");
        command.add(SCRIPT.toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, "timed out after " + SCRIPT_TIMEOUT + "\n" + new String(output, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
