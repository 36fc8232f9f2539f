package io.vigil.integrations.ldap.internal;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import io.vigil.model.directory.SyncErrorKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Completes attributes AD sends in ranges. Past MaxValRange (1500 by default) AD returns
 * {@code member;range=0-1499} and the client asks for {@code member;range=1500-*}, and so on,
 * until a range ends in {@code *}.
 *
 * <p>Each chunk must start where the previous one ended and, unless it is the last, hold exactly
 * as many values as its range says; anything else is malformed. So every round trip adds at least
 * one value, and the loop ends at the last chunk or at {@code maxValues}.
 */
public final class RangedValues {

    private static final Pattern RANGE = Pattern.compile("range=(\\d{1,10})-(\\d{1,10}|\\*)");

    private final LDAPConnection connection;
    private final String server;
    private final int maxValues;

    public RangedValues(LDAPConnection connection, String server, int maxValues) {
        this.connection = connection;
        this.server = server;
        this.maxValues = maxValues;
    }

    private record Range(long start, long end) {
        static final long OPEN = -1;

        boolean last() {
            return end == OPEN;
        }
    }

    /** The entry with every ranged attribute replaced by the attribute with all its values. */
    public Entry complete(SearchResultEntry entry) throws LDAPException {
        Entry completed = null;
        for (Attribute attribute : entry.getAttributes()) {
            Range range = rangeOf(entry.getDN(), attribute);
            if (range == null) {
                continue;
            }
            if (completed == null) {
                completed = entry.duplicate();
            }
            completed.removeAttribute(attribute.getName());
            completed.addAttribute(new Attribute(attribute.getBaseName(),
                    fetchAll(entry.getDN(), attribute, range).toArray(new byte[0][])));
        }
        return completed == null ? entry : completed;
    }

    private List<byte[]> fetchAll(String dn, Attribute first, Range firstRange) throws LDAPException {
        String name = first.getBaseName();
        if (firstRange.start() != 0) {
            throw malformed(dn, first.getName(), "the first range starts at " + firstRange.start() + ", not 0");
        }
        List<byte[]> values = new ArrayList<>();
        Attribute chunk = first;
        Range range = firstRange;
        while (true) {
            checkCount(dn, chunk, range);
            values.addAll(Arrays.asList(chunk.getValueByteArrays()));
            if (values.size() > maxValues) {
                throw new SyncFailure(SyncErrorKind.LIMIT_EXCEEDED, "entry '" + dn + "' has more than "
                        + maxValues + " values of " + name + " (Vigil's maxValuesPerAttribute)");
            }
            if (range.last()) {
                return values;
            }
            long next = range.end() + 1;
            SearchResultEntry more = connection.getEntry(dn, name + ";range=" + next + "-*");
            if (more == null) {
                throw new SyncFailure(SyncErrorKind.LDAP_ERROR, "entry '" + dn + "' disappeared from " + server
                        + " while reading " + name + " from value " + next);
            }
            chunk = rangedAttribute(more, name);
            if (chunk == null) {
                throw malformed(dn, name, server + " returned no range starting at " + next);
            }
            range = rangeOf(dn, chunk);
            if (range.start() != next) {
                throw malformed(dn, chunk.getName(), "asked for values from " + next + ", got a range from "
                        + range.start());
            }
        }
    }

    private static void checkCount(String dn, Attribute chunk, Range range) {
        if (range.last()) {
            return;
        }
        if (range.end() < range.start()) {
            throw malformed(dn, chunk.getName(), "the range ends before it starts");
        }
        long expected = range.end() - range.start() + 1;
        if (chunk.size() != expected) {
            throw malformed(dn, chunk.getName(), chunk.size() + " values in a range of " + expected);
        }
    }

    private static Attribute rangedAttribute(Entry entry, String name) {
        for (Attribute attribute : entry.getAttributes()) {
            if (attribute.getBaseName().equalsIgnoreCase(name) && rangeOption(attribute) != null) {
                return attribute;
            }
        }
        return null;
    }

    private static Range rangeOf(String dn, Attribute attribute) {
        String option = rangeOption(attribute);
        if (option == null) {
            return null;
        }
        Matcher matcher = RANGE.matcher(option);
        if (!matcher.matches()) {
            throw malformed(dn, attribute.getName(), "unreadable range option '" + option + "'");
        }
        long start = Long.parseLong(matcher.group(1));
        long end = "*".equals(matcher.group(2)) ? Range.OPEN : Long.parseLong(matcher.group(2));
        return new Range(start, end);
    }

    private static String rangeOption(Attribute attribute) {
        for (String option : attribute.getOptions()) {
            if (option.toLowerCase(Locale.ROOT).startsWith("range=")) {
                return option.toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static MalformedAttributeException malformed(String dn, String attribute, String problem) {
        return new MalformedAttributeException(dn, attribute, problem);
    }
}
