package io.vigil.server.ingest.syslog;

import io.vigil.server.ingest.EventBatchCheck;
import io.vigil.server.ingest.EventIntake;
import io.vigil.server.ingest.SourceKind;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether one received syslog message joins its sender's group: the header must parse and
 * the MSG must decode to exactly the events it claims, with no error. Anything else is dropped, counted
 * by source kind and logged at a limited rate; it never ends the connection.
 */
final class MessageAdmission {

    private static final Logger log = LoggerFactory.getLogger(MessageAdmission.class);

    private final EventIntake intake;
    private final SourceKind kind;
    private final RateLimitedLog dropped = new RateLimitedLog(log, Duration.ofSeconds(10));

    MessageAdmission(EventIntake intake, SourceKind kind) {
        this.intake = intake;
        this.kind = kind;
    }

    SourceKind kind() {
        return kind;
    }

    /** Adds the message to {@code group} and returns true, or drops it and returns false. */
    boolean admit(String source, byte[] frame, MessageGroup group) {
        try {
            byte[] event = SyslogPayload.eventBytes(SyslogParser.parse(frame).payload());
            EventBatchCheck.Result checked = intake.check(kind, source, event);
            if (!checked.valid()) {
                throw new MalformedSyslogException(checked.firstErrors().isEmpty() ? "MSG holds no event"
                        : checked.firstErrors().get(0));
            }
            group.add(frame.length, checked.events(), checked.detected());
            return true;
        } catch (MalformedSyslogException e) {
            drop(source, e.getMessage());
            return false;
        }
    }

    /** Counts and logs a message dropped before or while it was read. */
    void drop(String source, String reason) {
        intake.refused(kind, "malformed", 1);
        dropped.warn("syslog message from " + source + " dropped: " + reason);
    }
}
