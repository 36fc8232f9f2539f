package io.vigil.integrations.ldap.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;

/** Test helper: SIDs and GUIDs in AD's binary layout, for entries the tests generate. */
public final class AdBinary {

    private AdBinary() {
    }

    public static byte[] sid(String text) {
        String[] parts = text.split("-");
        int subCount = parts.length - 3;
        ByteBuffer buffer = ByteBuffer.allocate(8 + 4 * subCount);
        buffer.put((byte) Integer.parseInt(parts[1])).put((byte) subCount);
        long authority = Long.parseLong(parts[2]);
        for (int shift = 40; shift >= 0; shift -= 8) {
            buffer.put((byte) (authority >>> shift));
        }
        buffer.order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 3; i < parts.length; i++) {
            buffer.putInt((int) Long.parseLong(parts[i]));
        }
        return buffer.array();
    }

    public static byte[] guid(UUID uuid) {
        ByteBuffer buffer = ByteBuffer.allocate(16);
        long high = uuid.getMostSignificantBits();
        buffer.order(ByteOrder.LITTLE_ENDIAN)
                .putInt((int) (high >>> 32))
                .putShort((short) (high >>> 16))
                .putShort((short) high);
        buffer.order(ByteOrder.BIG_ENDIAN).putLong(uuid.getLeastSignificantBits());
        return buffer.array();
    }
}
