package io.vigil.model.directory;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A user, computer, group or gMSA as read from Active Directory.
 *
 * @param domain            DNS name of the domain, lower case, e.g. {@code lab.example}
 * @param objectSid         {@code S-1-5-21-…}; the key detectors use, since events carry SIDs
 * @param objectGuid        stable across renames and moves
 * @param servicePrincipalNames SPNs as stored
 * @param adminCount        1 when AdminSDHolder protects (or once protected) the account, else 0
 * @param lastLogon         the later of {@code lastLogon} (this DC only) and {@code lastLogonTimestamp}
 *                          (replicated, up to 14 days behind); null when never
 * @param pwdLastSet        null when never set or when the user must change it at next logon
 * @param primaryGroupSid   the group named by {@code primaryGroupID} (users and computers), else null
 * @param members           direct members' DNs (groups only), as read, every range included
 * @param memberOf          direct groups' DNs including the primary group, taken from the groups'
 *                          member lists read in the same sync (AD's own {@code memberOf} leaves the
 *                          primary group out)
 * @param usnChanged        the DC-local update sequence number of the last change
 */
public record DirectoryIdentity(
        DirectoryObjectKind kind,
        String domain,
        String distinguishedName,
        String objectSid,
        UUID objectGuid,
        String samAccountName,
        String userPrincipalName,
        String displayName,
        Set<UacFlag> uacFlags,
        List<String> servicePrincipalNames,
        int adminCount,
        Instant lastLogon,
        Instant pwdLastSet,
        String primaryGroupSid,
        List<String> members,
        List<String> memberOf,
        Instant whenChanged,
        long usnChanged) {

    public DirectoryIdentity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(distinguishedName, "distinguishedName");
        Objects.requireNonNull(objectGuid, "objectGuid");
        uacFlags = uacFlags == null || uacFlags.isEmpty()
                ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(uacFlags));
        servicePrincipalNames = List.copyOf(servicePrincipalNames == null ? List.of() : servicePrincipalNames);
        members = List.copyOf(members == null ? List.of() : members);
        memberOf = List.copyOf(memberOf == null ? List.of() : memberOf);
    }

    /** Groups cannot be disabled; accounts are enabled unless {@code ACCOUNTDISABLE} is set. */
    public boolean enabled() {
        return kind == DirectoryObjectKind.GROUP || !uacFlags.contains(UacFlag.ACCOUNTDISABLE);
    }

    public boolean has(UacFlag flag) {
        return uacFlags.contains(flag);
    }

    /** The relative id at the end of the SID, or -1 without one. */
    public long rid() {
        if (objectSid == null) {
            return -1;
        }
        return Long.parseLong(objectSid.substring(objectSid.lastIndexOf('-') + 1));
    }

    /** The same object under another DN: AD renames and moves do not change the child's USN. */
    public DirectoryIdentity withDistinguishedName(String dn) {
        return new DirectoryIdentity(kind, domain, dn, objectSid, objectGuid, samAccountName,
                userPrincipalName, displayName, uacFlags, servicePrincipalNames, adminCount, lastLogon,
                pwdLastSet, primaryGroupSid, members, memberOf, whenChanged, usnChanged);
    }

    public DirectoryIdentity withMembers(List<String> memberDns) {
        return new DirectoryIdentity(kind, domain, distinguishedName, objectSid, objectGuid, samAccountName,
                userPrincipalName, displayName, uacFlags, servicePrincipalNames, adminCount, lastLogon,
                pwdLastSet, primaryGroupSid, memberDns, memberOf, whenChanged, usnChanged);
    }

    public DirectoryIdentity withMemberOf(List<String> groupDns) {
        return new DirectoryIdentity(kind, domain, distinguishedName, objectSid, objectGuid, samAccountName,
                userPrincipalName, displayName, uacFlags, servicePrincipalNames, adminCount, lastLogon,
                pwdLastSet, primaryGroupSid, members, groupDns, whenChanged, usnChanged);
    }
}
