package io.vigil.integrations.ldap.internal;

/**
 * Decodes the binary form of a security identifier (MS-DTYP 2.4.2.2): revision, sub-authority
 * count, a 48-bit big-endian identifier authority, then that many 32-bit little-endian
 * sub-authorities.
 */
public final class BinarySid {

    private static final int HEADER = 8;
    /** MS-DTYP caps a SID at 15 sub-authorities. */
    private static final int MAX_SUB_AUTHORITIES = 15;

    private BinarySid() {
    }

    /** The {@code S-1-…} form; IllegalArgumentException says what is wrong with the bytes. */
    public static String decode(byte[] bytes) {
        if (bytes.length < HEADER) {
            throw new IllegalArgumentException(bytes.length + " bytes, a SID has at least " + HEADER);
        }
        int revision = bytes[0] & 0xFF;
        if (revision != 1) {
            throw new IllegalArgumentException("SID revision " + revision + ", expected 1");
        }
        int count = bytes[1] & 0xFF;
        if (count > MAX_SUB_AUTHORITIES) {
            throw new IllegalArgumentException(count + " sub-authorities, at most " + MAX_SUB_AUTHORITIES);
        }
        if (bytes.length != HEADER + 4 * count) {
            throw new IllegalArgumentException(bytes.length + " bytes for " + count
                    + " sub-authorities, expected " + (HEADER + 4 * count));
        }
        long authority = 0;
        for (int i = 2; i < HEADER; i++) {
            authority = (authority << 8) | (bytes[i] & 0xFF);
        }
        StringBuilder sid = new StringBuilder("S-1-").append(authority);
        for (int i = 0; i < count; i++) {
            int offset = HEADER + 4 * i;
            long sub = (bytes[offset] & 0xFFL)
                    | (bytes[offset + 1] & 0xFFL) << 8
                    | (bytes[offset + 2] & 0xFFL) << 16
                    | (bytes[offset + 3] & 0xFFL) << 24;
            sid.append('-').append(sub);
        }
        return sid.toString();
    }

    /** The SID of the domain an account SID belongs to: the account SID without its RID. */
    public static String domainOf(String accountSid) {
        return accountSid.substring(0, accountSid.lastIndexOf('-'));
    }
}
