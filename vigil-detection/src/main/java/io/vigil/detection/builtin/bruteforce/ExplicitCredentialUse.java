package io.vigil.detection.builtin.bruteforce;

import io.vigil.model.identity.Account;
import io.vigil.model.identity.IdentityEvent;
import io.vigil.model.identity.IdentityEventKind;
import java.util.Set;

/**
 * Which explicit-credential logons (4648) a spray can be made of: a person's session handing another
 * account's credentials to a server. The system's own (subject SYSTEM, LOCAL SERVICE, NETWORK SERVICE or
 * a computer account: winlogon signing users in, services starting under their accounts) and a user
 * re-entering their own credentials are not.
 */
final class ExplicitCredentialUse {

    private static final Set<String> SERVICE_SIDS = Set.of("S-1-5-18", "S-1-5-19", "S-1-5-20");

    private ExplicitCredentialUse() {
    }

    static boolean counts(IdentityEvent e) {
        Account subject = e.actor();
        Account used = e.target();
        return e.kind() == IdentityEventKind.EXPLICIT_CREDENTIAL_LOGON
                && isPerson(subject) && isPerson(used) && !used.sameAs(subject);
    }

    private static boolean isPerson(Account a) {
        return a != null && a.key() != null && a.name() != null && !a.isMachine()
                && (a.sid() == null || !SERVICE_SIDS.contains(a.sid()));
    }
}
