package io.vigil.store.directory;

import java.time.Instant;

/** A configured directory source with who created and last changed it. */
public record StoredDirectorySource(long id, DirectorySourceSettings settings, String createdBy, Instant createdAt,
                                    String updatedBy, Instant updatedAt) {

    public String domain() {
        return settings.domain();
    }
}
