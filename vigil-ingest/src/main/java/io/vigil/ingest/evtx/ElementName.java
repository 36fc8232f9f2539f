package io.vigil.ingest.evtx;

/**
 * The element and attribute names {@link EventAssembler} looks for, as small integer codes given
 * once per name when a chunk's name table is read, so that walking a record compares ints, not strings.
 */
final class ElementName {

    static final int OTHER = 0;
    static final int EVENT = 1;
    static final int SYSTEM = 2;
    static final int EVENT_DATA = 3;
    static final int USER_DATA = 4;
    static final int DATA = 5;
    static final int BINARY = 6;
    static final int PROVIDER = 7;
    static final int EVENT_ID = 8;
    static final int VERSION = 9;
    static final int CHANNEL = 10;
    static final int COMPUTER = 11;
    static final int TIME_CREATED = 12;
    static final int EVENT_RECORD_ID = 13;
    static final int NAME = 14;
    static final int SYSTEM_TIME = 15;

    private ElementName() {
    }

    static int codeOf(String name) {
        return switch (name) {
            case "Event" -> EVENT;
            case "System" -> SYSTEM;
            case "EventData" -> EVENT_DATA;
            case "UserData" -> USER_DATA;
            case "Data" -> DATA;
            case "Binary" -> BINARY;
            case "Provider" -> PROVIDER;
            case "EventID" -> EVENT_ID;
            case "Version" -> VERSION;
            case "Channel" -> CHANNEL;
            case "Computer" -> COMPUTER;
            case "TimeCreated" -> TIME_CREATED;
            case "EventRecordID" -> EVENT_RECORD_ID;
            case "Name" -> NAME;
            case "SystemTime" -> SYSTEM_TIME;
            default -> OTHER;
        };
    }
}
