package io.vigil.detection.directory;

import io.vigil.model.directory.DefaultSensitiveGroups;
import io.vigil.model.identity.Account;

/**
 * The groups Defender for Identity treats as sensitive by default (reference §1.6), as
 * {@link DefaultSensitiveGroups} lists them: by well-known SID when the event carries one, else by
 * default English name (a localised domain is matched by SID).
 */
public final class SensitiveGroups {

    private static final DefaultSensitiveGroups DEFAULTS = DefaultSensitiveGroups.defender();

    private SensitiveGroups() {
    }

    public static boolean isSensitive(Account group) {
        if (group == null) {
            return false;
        }
        return DEFAULTS.isSensitive(group.sid(), group.name()) || DEFAULTS.hasDefaultName(group.name());
    }
}
