package io.vigil.ingest.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A chunk's unused tail is skipped and still counted; what was read is said by {@link ChunkBuffer#filled()}. */
class ChunkBufferTest {

    private static final int FREE_SPACE_OFFSET = 48;

    @Test
    void copiesOnlyTheUsedPart() throws IOException {
        byte[] noisy = chunk(Chunk.SIZE, (byte) 0x55);
        byte[] small = chunk(1000, (byte) 0x33);
        ChunkBuffer buffer = new ChunkBuffer();
        InputStream in = new ByteArrayInputStream(concat(noisy, small));

        assertThat(buffer.readNext(in, ChunkBuffer.Extent.IN_USE)).isEqualTo(Chunk.SIZE);
        assertThat(buffer.bytes[Chunk.SIZE - 1]).isEqualTo((byte) 0x55);

        assertThat(buffer.readNext(in, ChunkBuffer.Extent.IN_USE)).isEqualTo(Chunk.SIZE);
        assertThat(buffer.filled()).isEqualTo(1000);
        assertThat(Arrays.copyOf(buffer.bytes, 1000)).isEqualTo(Arrays.copyOf(small, 1000));
        assertThat(Arrays.copyOfRange(buffer.bytes, 1000, Chunk.SIZE)).as("left as the last chunk had it")
                .containsOnly(0x55);
        assertThat(buffer.readNext(in, ChunkBuffer.Extent.IN_USE)).isZero();
    }

    @Test
    void wholeChunksWhenSlackSpaceIsWanted() throws IOException {
        byte[] small = chunk(1000, (byte) 0x33);
        ChunkBuffer buffer = new ChunkBuffer();

        assertThat(buffer.readNext(new ByteArrayInputStream(small), ChunkBuffer.Extent.WHOLE)).isEqualTo(Chunk.SIZE);
        assertThat(buffer.filled()).isEqualTo(Chunk.SIZE);
        assertThat(buffer.bytes).isEqualTo(small);
    }

    @Test
    void headerThatIsNoChunkHeaderIsReadWhole() throws IOException {
        byte[] garbage = new byte[Chunk.SIZE];
        Arrays.fill(garbage, (byte) 0x7F);
        ChunkBuffer buffer = new ChunkBuffer();

        assertThat(buffer.readNext(new ByteArrayInputStream(garbage), ChunkBuffer.Extent.IN_USE)).isEqualTo(Chunk.SIZE);
        assertThat(buffer.filled()).isEqualTo(Chunk.SIZE);
        assertThat(buffer.bytes).isEqualTo(garbage);
    }

    @Test
    void blankHeaderEndsTheReadOnlyWhereTheChunkMayBeNeverUsed() throws IOException {
        byte[] blankHeaded = new byte[Chunk.SIZE];
        Arrays.fill(blankHeaded, Chunk.HEADER_SIZE, Chunk.SIZE, (byte) 0x44);
        byte[] next = chunk(800, (byte) 0x22);
        ChunkBuffer buffer = new ChunkBuffer();

        InputStream mayBeUnused = new ByteArrayInputStream(concat(blankHeaded, next));
        assertThat(buffer.readNext(mayBeUnused, ChunkBuffer.Extent.IN_USE_UNLESS_BLANK)).isEqualTo(Chunk.SIZE);
        assertThat(buffer.filled()).isEqualTo(Chunk.HEADER_SIZE);
        assertThat(buffer.readNext(mayBeUnused, ChunkBuffer.Extent.IN_USE_UNLESS_BLANK)).isEqualTo(Chunk.SIZE);
        assertThat(Arrays.copyOf(buffer.bytes, 800)).as("the next chunk starts where it should")
                .isEqualTo(Arrays.copyOf(next, 800));

        assertThat(buffer.readNext(new ByteArrayInputStream(blankHeaded), ChunkBuffer.Extent.IN_USE))
                .isEqualTo(Chunk.SIZE);
        assertThat(buffer.filled()).isEqualTo(Chunk.SIZE);
        assertThat(buffer.bytes).isEqualTo(blankHeaded);
    }

    @Test
    void streamEndingInTheUnusedTailIsATruncatedChunk() throws IOException {
        byte[] small = chunk(1000, (byte) 0x33);
        ChunkBuffer buffer = new ChunkBuffer();

        assertThat(buffer.readNext(new ByteArrayInputStream(Arrays.copyOf(small, 5000)), ChunkBuffer.Extent.IN_USE)).isEqualTo(5000);
        assertThat(buffer.filled()).isEqualTo(1000);
    }

    @Test
    void streamsThatDoNotSkipAreReadThrough() throws IOException {
        byte[] first = chunk(700, (byte) 0x11);
        byte[] second = chunk(900, (byte) 0x22);
        InputStream unskippable = new FilterInputStream(new ByteArrayInputStream(concat(first, second))) {
            @Override
            public long skip(long n) {
                return 0;
            }
        };
        ChunkBuffer buffer = new ChunkBuffer();

        assertThat(buffer.readNext(unskippable, ChunkBuffer.Extent.IN_USE)).isEqualTo(Chunk.SIZE);
        assertThat(buffer.readNext(unskippable, ChunkBuffer.Extent.IN_USE)).isEqualTo(Chunk.SIZE);
        assertThat(Arrays.copyOf(buffer.bytes, 900)).isEqualTo(Arrays.copyOf(second, 900));
    }

    /** A chunk whose header says {@code used} bytes are in use, filled with {@code fill} after the header fields. */
    private static byte[] chunk(int used, byte fill) {
        byte[] chunk = new byte[Chunk.SIZE];
        Arrays.fill(chunk, fill);
        byte[] signature = "ElfChnk\0".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(signature, 0, chunk, 0, signature.length);
        ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN).putInt(FREE_SPACE_OFFSET, used);
        return chunk;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
