package io.vigil.server.ingest;

/** The ways events arrive; the tag names the source in journal batches ({@code syslog-tcp:10.0.0.5}) and in metrics. */
public enum SourceKind {
    HTTP("http"),
    SYSLOG_TCP("syslog-tcp"),
    SYSLOG_UDP("syslog-udp"),
    FOLDER("folder");

    private final String tag;

    SourceKind(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    /** The batch source for something received from {@code origin} (a peer address, a file name). */
    public String source(String origin) {
        return tag + ":" + origin;
    }
}
