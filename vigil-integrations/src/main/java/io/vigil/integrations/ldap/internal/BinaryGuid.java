package io.vigil.integrations.ldap.internal;

import java.util.UUID;

/**
 * Decodes {@code objectGUID}: 16 bytes whose first three fields are little-endian (the Windows GUID
 * layout), so the bytes are not in the order {@link UUID} expects.
 */
public final class BinaryGuid {

    private static final int LENGTH = 16;

    private BinaryGuid() {
    }

    public static UUID decode(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException(bytes.length + " bytes, a GUID has " + LENGTH);
        }
        long high = littleEndian(bytes, 0, 4) << 32
                | littleEndian(bytes, 4, 2) << 16
                | littleEndian(bytes, 6, 2);
        long low = 0;
        for (int i = 8; i < LENGTH; i++) {
            low = (low << 8) | (bytes[i] & 0xFF);
        }
        return new UUID(high, low);
    }

    private static long littleEndian(byte[] bytes, int offset, int length) {
        long value = 0;
        for (int i = length - 1; i >= 0; i--) {
            value = (value << 8) | (bytes[offset + i] & 0xFF);
        }
        return value;
    }
}
