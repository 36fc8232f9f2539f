package io.vigil.ingest.evtx;

/** Binary XML token bytes. The 0x40 bit ("more follows" / "has attributes") is masked off first. */
final class BinXmlToken {

    static final int END_OF_FRAGMENT = 0x00;
    static final int OPEN_START_ELEMENT = 0x01;
    static final int CLOSE_START_ELEMENT = 0x02;
    static final int CLOSE_EMPTY_ELEMENT = 0x03;
    static final int END_ELEMENT = 0x04;
    static final int VALUE = 0x05;
    static final int ATTRIBUTE = 0x06;
    static final int CDATA = 0x07;
    static final int CHAR_REFERENCE = 0x08;
    static final int ENTITY_REFERENCE = 0x09;
    static final int PI_TARGET = 0x0A;
    static final int PI_DATA = 0x0B;
    static final int TEMPLATE_INSTANCE = 0x0C;
    static final int NORMAL_SUBSTITUTION = 0x0D;
    static final int OPTIONAL_SUBSTITUTION = 0x0E;
    static final int FRAGMENT_HEADER = 0x0F;
    static final int MORE_BIT = 0x40;

    private BinXmlToken() {
    }

    static int kind(int token) {
        return token & ~MORE_BIT;
    }
}
