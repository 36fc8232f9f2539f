package io.vigil.integrations.ldap;

import static io.vigil.integrations.ldap.testing.AdLikeDirectory.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.ResultCode;
import io.vigil.integrations.ldap.testing.AdLikeDirectory;
import io.vigil.model.directory.SyncErrorKind;
import io.vigil.model.directory.SyncOutcome;
import io.vigil.model.directory.SyncResult;
import io.vigil.model.directory.SyncState;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Every way a sync can fail ends FAILED, with no inventory and a message that says what to fix. */
class LdapSyncFailureTest {

    private static final String BOB = "CN=bob,OU=Staff," + BASE;
    private static final String CAROL = "CN=carol,OU=Staff," + BASE;

    private static SyncOutcome failedOutcome(SyncResult result, SyncErrorKind kind) {
        assertThat(result.inventory()).isEmpty();
        assertThat(result.changes()).isEmpty();
        SyncOutcome outcome = result.outcome();
        assertThat(outcome.state()).isEqualTo(SyncState.FAILED);
        assertThat(outcome.errorKind()).as(outcome.error()).isEqualTo(kind);
        assertThat(outcome.identities()).isZero();
        assertThat(outcome.highestUsn()).isEqualTo(-1);
        return outcome;
    }

    @Test
    void aWrongPasswordFailsWithTheLdapResultAndWithoutThePassword() throws Exception {
        try (AdLikeDirectory directory = AdLikeDirectory.start()) {
            LdapConnectionConfig config = directory.config()
                    .bind(AdLikeDirectory.SYNC_DN, "Wrong-Passw0rd"::toCharArray).build();

            SyncOutcome outcome = failedOutcome(new LdapDirectorySource(config).fullSync(), SyncErrorKind.BAD_CREDENTIALS);

            assertThat(outcome.error()).contains("LDAP 49", "127.0.0.1:" + directory.port())
                    .doesNotContain("Wrong-Passw0rd");
        }
    }

    @Test
    void adsBindSubCodeIsExplainedAndTheNextHostIsNotTried() throws Exception {
        AtomicInteger binds = new AtomicInteger();
        InMemoryOperationInterceptor lockedOut = new InMemoryOperationInterceptor() {
            @Override
            public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) throws LDAPException {
                binds.incrementAndGet();
                throw new LDAPException(ResultCode.INVALID_CREDENTIALS,
                        "80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 775, v4563");
            }
        };
        try (AdLikeDirectory directory = AdLikeDirectory.start(lockedOut)) {
            LdapConnectionConfig config = directory.config().hosts("127.0.0.1", "localhost").build();

            SyncOutcome outcome = failedOutcome(new LdapDirectorySource(config).fullSync(), SyncErrorKind.BAD_CREDENTIALS);

            assertThat(outcome.error()).contains("sub-code 775", "account locked out");
            assertThat(binds).hasValue(1);
        }
    }

    @Test
    void anEmptyPasswordIsRefusedBeforeItBecomesAnAnonymousBind() throws Exception {
        AtomicInteger binds = new AtomicInteger();
        InMemoryOperationInterceptor counting = new InMemoryOperationInterceptor() {
            @Override
            public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
                binds.incrementAndGet();
            }
        };
        try (AdLikeDirectory directory = AdLikeDirectory.start(counting)) {
            LdapConnectionConfig config = directory.config().bind(AdLikeDirectory.SYNC_DN, () -> new char[0]).build();

            SyncOutcome outcome = failedOutcome(new LdapDirectorySource(config).fullSync(), SyncErrorKind.BAD_CREDENTIALS);

            assertThat(outcome.error()).contains("empty");
            assertThat(binds).hasValue(0);
        }
    }

    @Test
    void aClosedPortIsUnreachableAndNamesTheServer() throws Exception {
        int closedPort = closedPort();
        try (AdLikeDirectory directory = AdLikeDirectory.start()) {
            LdapConnectionConfig config = directory.config().port(closedPort)
                    .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)).build();

            SyncOutcome outcome = failedOutcome(new LdapDirectorySource(config).fullSync(), SyncErrorKind.UNREACHABLE);

            assertThat(outcome.error()).contains("127.0.0.1:" + closedPort, "unreachable");
        }
    }

    @Test
    void everyHostUnreachableIsReportedHostByHost() throws Exception {
        int closedPort = closedPort();
        try (AdLikeDirectory directory = AdLikeDirectory.start()) {
            LdapConnectionConfig config = directory.config().hosts("127.0.0.1", "127.0.0.2").port(closedPort)
                    .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)).build();

            SyncOutcome outcome = failedOutcome(new LdapDirectorySource(config).fullSync(), SyncErrorKind.UNREACHABLE);

            assertThat(outcome.error()).contains("no configured host answered", "127.0.0.1:" + closedPort,
                    "127.0.0.2:" + closedPort);
        }
    }

    @Test
    void aReferralForTheBaseDnFailsAndNamesWhereItPoints() throws Exception {
        InMemoryOperationInterceptor referring = new InMemoryOperationInterceptor() {
            @Override
            public void processSearchRequest(InMemoryInterceptedSearchRequest request) throws LDAPException {
                if (!request.getRequest().getBaseDN().isEmpty()) {
                    throw new LDAPException(ResultCode.REFERRAL, "not here", null,
                            new String[] {"ldap://dc9.other.example/DC=lab,DC=example"});
                }
            }
        };
        try (AdLikeDirectory directory = AdLikeDirectory.start(referring)) {
            SyncOutcome outcome = failedOutcome(new LdapDirectorySource(directory.config().build()).fullSync(),
                    SyncErrorKind.REFERRAL);

            assertThat(outcome.error()).contains("ldap://dc9.other.example/DC=lab,DC=example", "not followed");
        }
    }

    @Test
    void aServerSizeLimitFailsTheSyncRatherThanTruncatingIt() throws Exception {
        InMemoryOperationInterceptor limited = new InMemoryOperationInterceptor() {
            @Override
            public void processSearchResult(InMemoryInterceptedSearchResult result) {
                if (!result.getRequest().getBaseDN().isEmpty()) {
                    LDAPResult original = result.getResult();
                    result.setResult(new LDAPResult(original.getMessageID(), ResultCode.SIZE_LIMIT_EXCEEDED,
                            "Size limit exceeded", null, new String[0], new Control[0]));
                }
            }
        };
        try (AdLikeDirectory directory = AdLikeDirectory.start(limited)) {
            SyncOutcome outcome = failedOutcome(new LdapDirectorySource(directory.config().build()).fullSync(),
                    SyncErrorKind.LIMIT_EXCEEDED);

            assertThat(outcome.error()).contains("LDAP 4 size limit exceeded", "MaxPageSize");
        }
    }

    @Test
    void moreEntriesThanVigilsLimitFailTheSync() throws Exception {
        try (AdLikeDirectory directory = AdLikeDirectory.start()) {
            LdapConnectionConfig config = directory.config().limits(new SyncLimits(20, 1000, 10)).build();

            SyncOutcome outcome = failedOutcome(new LdapDirectorySource(config).fullSync(), SyncErrorKind.LIMIT_EXCEEDED);

            assertThat(outcome.error()).contains("more than 20 entries");
        }
    }

    @Test
    void aThreeByteSidFailsTheSyncNamingTheEntryAndAttribute() throws Exception {
        try (AdLikeDirectory directory = AdLikeDirectory.start(rewriting(BOB,
                entry -> { entry.setAttribute("objectSid", new byte[] {1, 2, 3}); return entry; }))) {
            SyncOutcome outcome = failedOutcome(new LdapDirectorySource(directory.config().build()).fullSync(),
                    SyncErrorKind.MALFORMED_ATTRIBUTE);

            assertThat(outcome.error()).contains(BOB, "objectSid", "3 bytes");
        }
    }

    @Test
    void aNonNumericUserAccountControlFailsTheSyncNamingTheEntryAndAttribute() throws Exception {
        try (AdLikeDirectory directory = AdLikeDirectory.start(rewriting(CAROL,
                entry -> { entry.setAttribute("userAccountControl", "enabled"); return entry; }))) {
            SyncOutcome outcome = failedOutcome(new LdapDirectorySource(directory.config().build()).fullSync(),
                    SyncErrorKind.MALFORMED_ATTRIBUTE);

            assertThat(outcome.error()).contains(CAROL, "userAccountControl", "'enabled' is not an integer");
        }
    }

    @Test
    void aSecondValueOfASingleValuedAttributeFailsTheSync() throws Exception {
        try (AdLikeDirectory directory = AdLikeDirectory.start(rewriting(CAROL,
                entry -> { entry.addAttribute("uSNChanged", "99999"); return entry; }))) {
            SyncOutcome outcome = failedOutcome(new LdapDirectorySource(directory.config().build()).fullSync(),
                    SyncErrorKind.MALFORMED_ATTRIBUTE);

            assertThat(outcome.error()).contains(CAROL, "uSNChanged", "2 values");
        }
    }

    @Test
    void aServerWithoutHighestCommittedUsnIsNotTakenForActiveDirectory() throws Exception {
        try (AdLikeDirectory directory = AdLikeDirectory.start(rewriting("",
                entry -> { entry.removeAttribute("highestCommittedUSN"); return entry; }))) {
            SyncOutcome outcome = failedOutcome(new LdapDirectorySource(directory.config().build()).fullSync(),
                    SyncErrorKind.NOT_ACTIVE_DIRECTORY);

            assertThat(outcome.error()).contains("highestCommittedUSN");
        }
    }

    @Test
    void aFailedIncrementalSyncLeavesNoDeltaAndNoSnapshot() throws Exception {
        try (AdLikeDirectory directory = AdLikeDirectory.start()) {
            LdapDirectorySource source = new LdapDirectorySource(directory.config().build());
            var first = source.fullSync().snapshot();
            LdapConnectionConfig wrong = directory.config()
                    .bind(AdLikeDirectory.SYNC_DN, "nope"::toCharArray).build();

            SyncResult second = new LdapDirectorySource(wrong).incrementalSync(first);

            SyncOutcome outcome = failedOutcome(second, SyncErrorKind.BAD_CREDENTIALS);
            assertThat(outcome.mode()).isEqualTo(io.vigil.model.directory.SyncMode.INCREMENTAL);
        }
    }

    /** Replaces what the server sends for one entry, as a faulty server or proxy would. */
    private static InMemoryOperationInterceptor rewriting(String dn, UnaryOperator<Entry> change) {
        return new InMemoryOperationInterceptor() {
            @Override
            public void processSearchEntry(InMemoryInterceptedSearchEntry result) {
                if (result.getSearchEntry().getDN().equalsIgnoreCase(dn)) {
                    result.setSearchEntry(change.apply(result.getSearchEntry().duplicate()));
                }
            }
        };
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
