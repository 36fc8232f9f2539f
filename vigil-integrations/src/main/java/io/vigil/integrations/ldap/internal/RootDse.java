package io.vigil.integrations.ldap.internal;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import io.vigil.model.directory.SyncErrorKind;

/**
 * What a sync needs from the root DSE: the DC's identity and its highest committed USN.
 *
 * @param server the DC's {@code dsServiceName} (its NTDS Settings DN), which names the DC whose
 *               USNs these are; falls back to {@code host:port} when the server does not say
 */
public record RootDse(String server, long highestCommittedUsn) {

    public static RootDse read(LDAPConnection connection, String hostPort) throws LDAPException {
        SearchResultEntry entry = connection.getEntry("", "highestCommittedUSN", "dsServiceName");
        if (entry == null) {
            throw new SyncFailure(SyncErrorKind.NOT_ACTIVE_DIRECTORY, hostPort + " returned no root DSE");
        }
        String usn = entry.getAttributeValue("highestCommittedUSN");
        if (usn == null) {
            throw new SyncFailure(SyncErrorKind.NOT_ACTIVE_DIRECTORY, hostPort
                    + " has no highestCommittedUSN in its root DSE; is it an Active Directory domain controller?");
        }
        long highest;
        try {
            highest = Long.parseLong(usn.trim());
        } catch (NumberFormatException e) {
            throw new MalformedAttributeException("", "highestCommittedUSN", "'" + usn + "' is not an integer");
        }
        String service = entry.getAttributeValue("dsServiceName");
        return new RootDse(service == null || service.isBlank() ? hostPort : service, highest);
    }
}
