package io.vigil.integrations.ldap.internal;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchResultReference;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import io.vigil.integrations.ldap.SyncLimits;
import io.vigil.model.directory.SyncErrorKind;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A subtree search in pages (RFC 2696), so AD's MaxPageSize never cuts the result short. The
 * control is critical: a server that cannot page fails the search instead of silently truncating
 * it at its size limit.
 */
public final class PagedSearch {

    /** Receives each entry; may use the connection (the page it came in is complete). */
    @FunctionalInterface
    public interface EntryHandler {
        void accept(SearchResultEntry entry) throws LDAPException;
    }

    private final LDAPConnection connection;
    private final String server;
    private final int pageSize;
    private final SyncLimits limits;

    public PagedSearch(LDAPConnection connection, String server, int pageSize, SyncLimits limits) {
        this.connection = connection;
        this.server = server;
        this.pageSize = pageSize;
        this.limits = limits;
    }

    /** Runs the search to its end and returns the continuation references met (not followed). */
    public Set<String> run(String baseDn, Filter filter, String[] attributes, EntryHandler handler)
            throws LDAPException {
        Set<String> references = new LinkedHashSet<>();
        ASN1OctetString cookie = null;
        int entries = 0;
        int emptyPagesInARow = 0;
        while (true) {
            SearchRequest request = new SearchRequest(baseDn, SearchScope.SUB, filter, attributes);
            request.setControls(new SimplePagedResultsControl(pageSize, cookie, true));
            SearchResult page = connection.search(request);
            for (SearchResultEntry entry : page.getSearchEntries()) {
                if (++entries > limits.maxEntries()) {
                    throw new SyncFailure(SyncErrorKind.LIMIT_EXCEEDED, "more than " + limits.maxEntries()
                            + " entries under " + baseDn + " on " + server + " (Vigil's maxEntries)");
                }
                handler.accept(entry);
            }
            for (SearchResultReference reference : page.getSearchReferences()) {
                Collections.addAll(references, reference.getReferralURLs());
            }
            SimplePagedResultsControl response = SimplePagedResultsControl.get(page);
            if (response == null) {
                throw new SyncFailure(SyncErrorKind.LDAP_ERROR, server
                        + " answered a paged search without the paged results response control");
            }
            if (!response.moreResultsToReturn()) {
                return references;
            }
            emptyPagesInARow = page.getEntryCount() == 0 ? emptyPagesInARow + 1 : 0;
            if (emptyPagesInARow > limits.maxEmptyPages()) {
                throw new SyncFailure(SyncErrorKind.LIMIT_EXCEEDED, server + " sent " + emptyPagesInARow
                        + " empty pages in a row while promising more results");
            }
            cookie = response.getCookie();
        }
    }
}
