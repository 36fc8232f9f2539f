package io.vigil.integrations.ldap;

import static io.vigil.integrations.ldap.testing.AdLikeDirectory.BASE;
import static io.vigil.integrations.ldap.testing.AdLikeDirectory.add;
import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import io.vigil.integrations.ldap.testing.AdBehaviour;
import io.vigil.integrations.ldap.testing.AdLikeDirectory;
import io.vigil.model.directory.IdentityTag;
import io.vigil.model.directory.SyncErrorKind;
import io.vigil.model.directory.SyncResult;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A group of 10,000 members, which AD sends 1,500 values at a time ({@link AdBehaviour} does the
 * same), read completely, and ranges that do not add up rejected.
 */
class RangeRetrievalTest {

    private static final String ALL_STAFF = "CN=All Staff,OU=Staff," + BASE;
    private static final String BACKUP_OPERATORS = "CN=Backup Operators,CN=Builtin," + BASE;
    private static final int MEMBERS = 10_000;

    @Test
    void aTenThousandMemberGroupIsReadInRangesAndItsNestedMembersAreSensitive() throws Exception {
        try (AdLikeDirectory directory = AdLikeDirectory.start()) {
            List<String> members = directory.importGroupWithMembers("All Staff", 9000, MEMBERS);
            directory.modify(BACKUP_OPERATORS, add("member", ALL_STAFF));

            SyncResult result = new LdapDirectorySource(directory.config().pageSize(500).build()).fullSync();

            assertThat(result.outcome().error()).isNull();
            TaggedInventory inventory = TaggedInventory.of(result.snapshot());
            assertThat(inventory.identity("All Staff").members()).containsExactlyElementsOf(members);
            assertThat(directory.behaviour().rangeRequests()).as("ranges 1500-*, 3000-*, … 9000-*").isEqualTo(6);
            assertThat(inventory.tags("bulk00000")).containsExactly(IdentityTag.SENSITIVE);
            assertThat(inventory.tags("bulk05000")).containsExactly(IdentityTag.SENSITIVE);
            assertThat(inventory.tags("bulk09999")).containsExactly(IdentityTag.SENSITIVE);
            assertThat(inventory.identity("bulk09999").memberOf()).contains(ALL_STAFF);
        }
    }

    @Test
    void aGroupAboveVigilsValueLimitFailsTheSyncNamingTheGroup() throws Exception {
        try (AdLikeDirectory directory = AdLikeDirectory.start()) {
            directory.importGroupWithMembers("All Staff", 9000, MEMBERS);
            LdapConnectionConfig config = directory.config().pageSize(500)
                    .limits(new SyncLimits(100_000, 3000, 10)).build();

            SyncResult result = new LdapDirectorySource(config).fullSync();

            assertThat(result.inventory()).isEmpty();
            assertThat(result.outcome().errorKind()).isEqualTo(SyncErrorKind.LIMIT_EXCEEDED);
            assertThat(result.outcome().error()).contains(ALL_STAFF, "more than 3000 values of member");
        }
    }

    @Test
    void aRangeThatDoesNotStartWhereTheLastEndedIsMalformed() throws Exception {
        InMemoryOperationInterceptor skipping = rewritingMember(member -> {
            String name = member.getName();
            return name.startsWith("member;range=1500-")
                    ? new Attribute(name.replace("range=1500-", "range=1600-"), member.getValues())
                    : member;
        });
        try (AdLikeDirectory directory = AdLikeDirectory.start(skipping)) {
            directory.importGroupWithMembers("All Staff", 9000, 4000);

            SyncResult result = new LdapDirectorySource(directory.config().pageSize(500).build()).fullSync();

            assertThat(result.inventory()).isEmpty();
            assertThat(result.outcome().errorKind()).isEqualTo(SyncErrorKind.MALFORMED_ATTRIBUTE);
            assertThat(result.outcome().error()).contains(ALL_STAFF, "asked for values from 1500, got a range from 1600");
        }
    }

    @Test
    void aRangeWithFewerValuesThanItClaimsIsMalformed() throws Exception {
        InMemoryOperationInterceptor short100 = rewritingMember(member ->
                member.getName().startsWith("member;range=0-")
                        ? new Attribute(member.getName(), Arrays.copyOf(member.getValues(), member.size() - 100))
                        : member);
        try (AdLikeDirectory directory = AdLikeDirectory.start(short100)) {
            directory.importGroupWithMembers("All Staff", 9000, 4000);

            SyncResult result = new LdapDirectorySource(directory.config().pageSize(500).build()).fullSync();

            assertThat(result.outcome().errorKind()).isEqualTo(SyncErrorKind.MALFORMED_ATTRIBUTE);
            assertThat(result.outcome().error()).contains(ALL_STAFF, "1400 values in a range of 1500");
        }
    }

    /** Runs after {@link AdBehaviour} has cut {@code member} into ranges. */
    private static InMemoryOperationInterceptor rewritingMember(UnaryOperator<Attribute> change) {
        return new InMemoryOperationInterceptor() {
            @Override
            public void processSearchEntry(InMemoryInterceptedSearchEntry result) {
                Entry entry = result.getSearchEntry().duplicate();
                for (Attribute attribute : entry.getAttributes()) {
                    if (attribute.getBaseName().equalsIgnoreCase("member") && attribute.hasOptions()) {
                        entry.removeAttribute(attribute.getName());
                        entry.addAttribute(change.apply(attribute));
                    }
                }
                result.setSearchEntry(entry);
            }
        };
    }
}
