package io.vigil.detection.builtin.pam;

import io.vigil.detection.builtin.common.Protocols;
import io.vigil.detection.spi.Evidences;
import io.vigil.model.alert.Evidence;
import io.vigil.model.identity.Account;
import io.vigil.model.identity.Endpoint;
import io.vigil.model.identity.IdentityEvent;
import java.time.Instant;
import java.util.List;

/**
 * A sign-in of a vault-managed account kept until the vaults' records can judge it: what the alert
 * needs of the event, not the event itself, so that it stays small in the detector's state.
 *
 * @param vaults      the vaults that manage the account, e.g. {@code CyberArk}
 * @param protocol    {@code Kerberos}, {@code NTLM}… or null
 * @param destination the computer that recorded the sign-in (the DC for Kerberos and NTLM)
 */
public record SignIn(Instant time, Account account, Endpoint source, String protocol, String destination,
              List<String> vaults, Evidence evidence) {

    public static SignIn of(IdentityEvent e, List<String> vaults) {
        return new SignIn(e.time(), e.actor(), e.source(), Protocols.nameOf(e), e.destination(), vaults,
                Evidences.of(e));
    }
}
