package io.vigil.ingest.container;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Streams the regular-file entries of a tar archive (POSIX ustar, with GNU long names and pax
 * {@code path} records), skipping directories, links, devices and macOS metadata entries. Every
 * header's checksum is verified; sizes and long-name records are bounded.
 */
public final class TarContainer {

    private static final int BLOCK = 512;
    private static final int MAX_LONG_NAME = 64 * 1024;

    private final ContainerLimits limits;

    public TarContainer(ContainerLimits limits) {
        this.limits = limits;
    }

    /** Whether a 512-byte header block carries the ustar magic (POSIX {@code ustar\0} or GNU {@code ustar }). */
    public static boolean hasUstarMagic(byte[] head, int length) {
        return length >= 262 && head[257] == 'u' && head[258] == 's' && head[259] == 't' && head[260] == 'a'
                && head[261] == 'r';
    }

    public void forEachEntry(InputStream archive, EntryVisitor visitor) throws IOException {
        byte[] header = new byte[BLOCK];
        String longName = null;
        while (true) {
            if (!readBlock(archive, header)) {
                return; // archives written without end-of-archive blocks just stop
            }
            if (isZeroBlock(header)) {
                return;
            }
            verifyChecksum(header);
            long size = size(header);
            char type = (char) header[156];
            switch (type) {
                case 'L', 'x' -> {
                    String name = type == 'L' ? cString(readSmallBody(archive, size), 0, (int) size)
                            : paxPath(readSmallBody(archive, size));
                    if (name != null) {
                        longName = name;
                    }
                    continue;
                }
                case '0', '\0', '7' -> {
                    String name = longName != null ? longName : name(header);
                    longName = null;
                    if (ArchiveNoise.isNoise(name)) {
                        skipBody(archive, size);
                    } else {
                        visitEntry(archive, name, size, visitor);
                    }
                }
                default -> {
                    longName = null;
                    skipBody(archive, size); // directories, links, devices, global pax headers
                }
            }
        }
    }

    private void visitEntry(InputStream archive, String name, long size, EntryVisitor visitor) throws IOException {
        if (size > limits.maxEntryBytes()) {
            throw new ExpansionLimitException(limits.maxEntryBytes());
        }
        BoundedEntryStream body = new BoundedEntryStream(archive, size);
        visitor.visit(name, body);
        body.skipRest();
        skipPadding(archive, size);
    }

    private static String name(byte[] header) {
        String name = cString(header, 0, 100);
        boolean ustar = hasUstarMagic(header, BLOCK) && header[262] == 0;
        String prefix = ustar ? cString(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static long size(byte[] header) throws IOException {
        if ((header[124] & 0x80) != 0) {
            // GNU base-256: big-endian binary in the remaining bytes of the field
            long size = 0;
            for (int i = 125; i < 136; i++) {
                size = (size << 8) | (header[i] & 0xFF);
            }
            if (size < 0) {
                throw new IOException("corrupt tar header: negative entry size");
            }
            return size;
        }
        return octal(header, 124, 12);
    }

    private static void verifyChecksum(byte[] header) throws IOException {
        long expected = octal(header, 148, 8);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (header[i] & 0xFF);
        }
        if (sum != expected) {
            throw new IOException("corrupt tar header: checksum mismatch (not a tar archive, or damaged)");
        }
    }

    private static long octal(byte[] header, int offset, int length) throws IOException {
        long value = 0;
        int i = offset;
        int end = offset + length;
        while (i < end && (header[i] == ' ' || header[i] == 0)) {
            i++;
        }
        for (; i < end && header[i] != 0 && header[i] != ' '; i++) {
            int digit = header[i] - '0';
            if (digit < 0 || digit > 7) {
                throw new IOException("corrupt tar header: bad octal number");
            }
            value = (value << 3) | digit;
        }
        return value;
    }

    private static String cString(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    /** The {@code path} record of a pax extended header ({@code "<len> path=<value>\n"} records). */
    private static String paxPath(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        int at = 0;
        while (at < text.length()) {
            int space = text.indexOf(' ', at);
            if (space < 0) {
                return null;
            }
            int length;
            try {
                length = Integer.parseInt(text.substring(at, space));
            } catch (NumberFormatException e) {
                return null;
            }
            if (length <= 0 || at + length > text.length()) {
                return null;
            }
            String record = text.substring(space + 1, at + length - 1);
            if (record.startsWith("path=")) {
                return record.substring(5);
            }
            at += length;
        }
        return null;
    }

    private static byte[] readSmallBody(InputStream archive, long size) throws IOException {
        if (size > MAX_LONG_NAME) {
            throw new IOException("corrupt tar archive: extended header of " + size + " bytes");
        }
        byte[] body = archive.readNBytes((int) size);
        if (body.length < size) {
            throw new EOFException("truncated tar archive");
        }
        skipPadding(archive, size);
        return body;
    }

    private static void skipBody(InputStream archive, long size) throws IOException {
        skipFully(archive, size);
        skipPadding(archive, size);
    }

    private static void skipPadding(InputStream archive, long size) throws IOException {
        long padding = (BLOCK - size % BLOCK) % BLOCK;
        skipFully(archive, padding);
    }

    static void skipFully(InputStream in, long count) throws IOException {
        long remaining = count;
        while (remaining > 0) {
            long skipped = in.skip(remaining);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("truncated tar archive");
                }
                skipped = 1;
            }
            remaining -= skipped;
        }
    }

    private static boolean readBlock(InputStream archive, byte[] block) throws IOException {
        int n = archive.readNBytes(block, 0, BLOCK);
        if (n == 0) {
            return false;
        }
        if (n < BLOCK) {
            throw new EOFException("truncated tar archive: partial header");
        }
        return true;
    }

    private static boolean isZeroBlock(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** One entry's bytes: exactly {@code size} of them, then end of stream. */
    private static final class BoundedEntryStream extends InputStream {

        private final InputStream archive;
        private long remaining;

        BoundedEntryStream(InputStream archive, long size) {
            this.archive = archive;
            this.remaining = size;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = archive.read();
            if (b < 0) {
                throw new EOFException("truncated tar archive");
            }
            remaining--;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = archive.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw new EOFException("truncated tar archive");
            }
            remaining -= n;
            return n;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(archive.available(), remaining);
        }

        void skipRest() throws IOException {
            skipFully(archive, remaining);
            remaining = 0;
        }

        @Override
        public void close() {
            // the archive owns the stream
        }
    }
}
