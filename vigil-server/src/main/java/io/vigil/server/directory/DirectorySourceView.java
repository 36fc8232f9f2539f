package io.vigil.server.directory;

import io.vigil.integrations.ldap.TransportSecurity;
import io.vigil.server.api.ApiValues;
import io.vigil.store.directory.StoredDirectorySource;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A directory source as the API shows it: the bind password only as {@code passwordSet}. */
public record DirectorySourceView(long id, String domain, List<String> hosts, int port, String security,
                                  String caFile, List<String> pinnedCertificates, String baseDn, String bindDn,
                                  boolean enabled, int pageSize, boolean passwordSet, String createdBy,
                                  Instant createdAt, String updatedBy, Instant updatedAt) {

    static DirectorySourceView of(StoredDirectorySource source, boolean passwordSet) {
        var s = source.settings();
        String trust = s.trustValue();
        return new DirectorySourceView(source.id(), s.domain(), s.hosts(), s.port(),
                ApiValues.name(TransportSecurity.valueOf(s.security())),
                s.trustKind().equals(LdapSources.CA_FILE) ? trust : null,
                s.trustKind().equals(LdapSources.PINNED) ? Arrays.asList(trust.split(",")) : List.of(),
                s.baseDn(), s.bindDn(), s.enabled(), s.pageSize(), passwordSet, source.createdBy(),
                source.createdAt(), source.updatedBy(), source.updatedAt());
    }
}
