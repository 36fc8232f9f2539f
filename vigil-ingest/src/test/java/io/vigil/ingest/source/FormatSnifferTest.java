package io.vigil.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class FormatSnifferTest {

    private final FormatSniffer sniffer = new FormatSniffer();

    @Test
    void binaryMagicNumbers() {
        assertThat(sniff(new byte[] {'E', 'l', 'f', 'F', 'i', 'l', 'e', 0, 1, 2})).isEqualTo(SourceFormat.EVTX);
        assertThat(sniff(new byte[] {'P', 'K', 3, 4, 0})).isEqualTo(SourceFormat.ZIP);
        assertThat(sniff(new byte[] {0x1F, (byte) 0x8B, 8})).isEqualTo(SourceFormat.GZIP);
        byte[] tar = new byte[512];
        System.arraycopy("ustar".getBytes(StandardCharsets.US_ASCII), 0, tar, 257, 5);
        tar[0] = 'a';
        assertThat(sniff(tar)).isEqualTo(SourceFormat.TAR);
    }

    @Test
    void textByFirstNonBlankCharacterInAnyEncoding() {
        assertThat(sniff(" \n {\"EventID\":1}".getBytes(StandardCharsets.UTF_8))).isEqualTo(SourceFormat.JSON);
        assertThat(sniff("[\n  {".getBytes(StandardCharsets.UTF_8))).isEqualTo(SourceFormat.JSON);
        assertThat(sniff("\uFEFF<Events>".getBytes(StandardCharsets.UTF_8))).isEqualTo(SourceFormat.EVENT_XML);
        assertThat(sniff("\uFEFF<Event>".getBytes(StandardCharsets.UTF_16LE))).isEqualTo(SourceFormat.EVENT_XML);
        assertThat(sniff("\uFEFF{\"a\":1}".getBytes(StandardCharsets.UTF_16BE))).isEqualTo(SourceFormat.JSON);
        assertThat(sniff("<Event>".getBytes(StandardCharsets.UTF_16LE))).isEqualTo(SourceFormat.EVENT_XML);
    }

    @Test
    void everythingElseIsUnknownOrEmpty() {
        assertThat(sniff(new byte[0])).isEqualTo(SourceFormat.EMPTY);
        assertThat(sniff(" \r\n\t".getBytes(StandardCharsets.UTF_8))).isEqualTo(SourceFormat.EMPTY);
        assertThat(sniff("title: DCSync\nid: 1".getBytes(StandardCharsets.UTF_8))).isEqualTo(SourceFormat.UNKNOWN);
        assertThat(sniff("[section]\nkey=value".getBytes(StandardCharsets.UTF_8))).isEqualTo(SourceFormat.UNKNOWN);
        assertThat(sniff(new byte[] {' ', (byte) 0xFF, (byte) 0xFE, (byte) 0xFD, 0, 7, 9, 1})).isEqualTo(SourceFormat.UNKNOWN);
        assertThat(sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10})).isEqualTo(SourceFormat.UNKNOWN);
    }

    private SourceFormat sniff(byte[] bytes) {
        return sniffer.sniff(bytes, bytes.length);
    }
}
