package io.vigil.store.directory;

import io.vigil.model.directory.IdentityTag;
import java.time.Instant;

/** An administrator's mark on an account: SENSITIVE or HONEYTOKEN, by SID, with who and when. */
public record IdentityMark(String objectSid, IdentityTag mark, String markedBy, Instant markedAt) {
}
