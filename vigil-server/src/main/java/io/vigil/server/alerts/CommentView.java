package io.vigil.server.alerts;

import io.vigil.store.alerts.AlertComment;
import java.time.Instant;

/** An analyst's note on an alert. */
public record CommentView(long id, String author, String text, Instant createdAt) {

    static CommentView of(AlertComment c) {
        return new CommentView(c.id(), c.author(), c.text(), c.createdAt());
    }
}
