package io.vigil.integrations.ldap.testing;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedAddRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchEntry;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.AddRequest;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultReference;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Makes UnboundID's in-memory server answer the way an AD domain controller does where the sync
 * depends on it: every add and modify gets the next {@code uSNChanged}; the root DSE carries
 * {@code highestCommittedUSN} and {@code dsServiceName}; a subtree search from the domain root
 * also returns continuation references to the DNS and configuration partitions; and {@code member}
 * is sent in ranges of {@value #MAX_VAL_RANGE} values, as AD's MaxValRange does.
 */
public final class AdBehaviour extends InMemoryOperationInterceptor {

    public static final int MAX_VAL_RANGE = 1500;
    public static final String DC1 = "CN=NTDS Settings,CN=DC1,CN=Servers,CN=Default-First-Site-Name,CN=Sites,"
            + "CN=Configuration,DC=lab,DC=example";
    public static final String DNS_ZONES = "ldap://lab.example/DC=DomainDnsZones,DC=lab,DC=example";
    private static final String RANGE_START = "vigil.test.rangeStart";

    private final String domainRoot;
    private final AtomicLong usn = new AtomicLong(5000);
    private final AtomicReference<String> serverName = new AtomicReference<>(DC1);
    private final AtomicInteger rangeRequests = new AtomicInteger();

    AdBehaviour(String domainRoot) {
        this.domainRoot = domainRoot;
    }

    public long highestUsn() {
        return usn.get();
    }

    /** Searches that asked for {@code member;range=…}: the client's follow-ups. */
    public int rangeRequests() {
        return rangeRequests.get();
    }

    public void answerAs(String dsServiceName) {
        serverName.set(dsServiceName);
    }

    public void rollBackUsnTo(long value) {
        usn.set(value);
    }

    @Override
    public void processAddRequest(InMemoryInterceptedAddRequest request) {
        Entry entry = request.getRequest().toEntry();
        entry.setAttribute("uSNChanged", Long.toString(usn.incrementAndGet()));
        request.setRequest(new AddRequest(entry));
    }

    @Override
    public void processModifyRequest(InMemoryInterceptedModifyRequest request) {
        ModifyRequest original = request.getRequest().duplicate();
        List<Modification> modifications = new ArrayList<>(original.getModifications());
        modifications.add(new Modification(ModificationType.REPLACE, "uSNChanged",
                Long.toString(usn.incrementAndGet())));
        request.setRequest(new ModifyRequest(original.getDN(), modifications));
    }

    @Override
    public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
        SearchRequest search = request.getRequest().duplicate();
        String[] attributes = search.getAttributes();
        for (int i = 0; i < attributes.length; i++) {
            String lower = attributes[i].toLowerCase(Locale.ROOT);
            if (lower.startsWith("member;range=")) {
                long start = Long.parseLong(lower.substring("member;range=".length(), lower.indexOf('-')));
                request.setProperty(RANGE_START, start);
                rangeRequests.incrementAndGet();
                attributes[i] = "member";
            }
        }
        search.setAttributes(attributes);
        request.setRequest(search);
    }

    @Override
    public void processSearchEntry(InMemoryInterceptedSearchEntry result) {
        Entry entry = result.getSearchEntry().duplicate();
        if (entry.getDN().isEmpty()) {
            entry.setAttribute("highestCommittedUSN", Long.toString(usn.get()));
            entry.setAttribute("dsServiceName", serverName.get());
            result.setSearchEntry(entry);
            return;
        }
        Attribute member = entry.getAttribute("member");
        if (member == null) {
            return;
        }
        Object start = result.getProperty(RANGE_START);
        if (start == null && member.size() <= MAX_VAL_RANGE) {
            return;
        }
        entry.removeAttribute("member");
        entry.addAttribute(slice(member.getValues(), start == null ? 0 : (Long) start));
        result.setSearchEntry(entry);
    }

    private static Attribute slice(String[] values, long start) {
        int from = (int) Math.min(start, values.length);
        int to = Math.min(values.length, from + MAX_VAL_RANGE);
        String end = to == values.length ? "*" : Integer.toString(to - 1);
        return new Attribute("member;range=" + from + "-" + end, Arrays.copyOfRange(values, from, to));
    }

    @Override
    public void processSearchResult(InMemoryInterceptedSearchResult result) {
        if (result.getRequest().getScope() == SearchScope.SUB
                && result.getRequest().getBaseDN().equalsIgnoreCase(domainRoot)) {
            try {
                result.sendSearchReference(new SearchResultReference(new String[] {DNS_ZONES}, new Control[0]));
            } catch (LDAPException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
