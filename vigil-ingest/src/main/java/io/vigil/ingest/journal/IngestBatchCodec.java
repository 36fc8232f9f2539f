package io.vigil.ingest.journal;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * Binary form of an {@link IngestBatch} as a journal payload, big-endian:
 *
 * <pre>
 * byte    format version (1)
 * short   source length,       UTF-8 source
 * short   content type length, UTF-8 content type
 * long    received-at epoch seconds
 * int     received-at nanoseconds
 * int     content length,      content
 * </pre>
 *
 * The version byte comes first so that a later format can be read next to records written by this one
 * (the journal outlives a server upgrade).
 */
public final class IngestBatchCodec {

    static final byte VERSION = 1;
    private static final int MAX_TEXT_BYTES = 0xFFFF;

    private IngestBatchCodec() {
    }

    public static byte[] encode(IngestBatch batch) {
        byte[] source = text(batch.source(), "source");
        byte[] contentType = text(batch.contentType(), "contentType");
        ByteBuffer out = ByteBuffer.allocate(1 + 2 + source.length + 2 + contentType.length + 8 + 4 + 4
                + batch.content().length);
        out.put(VERSION)
                .putShort((short) source.length).put(source)
                .putShort((short) contentType.length).put(contentType)
                .putLong(batch.receivedAt().getEpochSecond()).putInt(batch.receivedAt().getNano())
                .putInt(batch.content().length).put(batch.content());
        return out.array();
    }

    /** @throws IllegalArgumentException if {@code payload} is not an encoded batch */
    public static IngestBatch decode(byte[] payload) {
        ByteBuffer in = ByteBuffer.wrap(payload);
        try {
            byte version = in.get();
            if (version != VERSION) {
                throw new IllegalArgumentException("unknown ingest batch format version " + version);
            }
            String source = text(in);
            String contentType = text(in);
            Instant receivedAt = Instant.ofEpochSecond(in.getLong(), in.getInt());
            int length = in.getInt();
            if (length != in.remaining()) {
                throw new IllegalArgumentException("ingest batch declares " + length + " content bytes but holds "
                        + in.remaining());
            }
            byte[] content = new byte[length];
            in.get(content);
            return new IngestBatch(source, contentType, receivedAt, content);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated ingest batch (" + payload.length + " bytes)", e);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("ingest batch with an impossible time: " + e.getMessage(), e);
        }
    }

    private static byte[] text(String value, String name) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_TEXT_BYTES) {
            throw new IllegalArgumentException(name + " is longer than " + MAX_TEXT_BYTES + " UTF-8 bytes");
        }
        return bytes;
    }

    private static String text(ByteBuffer in) {
        int length = Short.toUnsignedInt(in.getShort());
        if (length > in.remaining()) {
            throw new BufferUnderflowException();
        }
        ByteBuffer bytes = in.slice(in.position(), length);
        in.position(in.position() + length);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("ingest batch with a text field that is not UTF-8", e);
        }
    }
}
