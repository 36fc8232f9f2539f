package io.vigil.detection.spi;

import io.vigil.model.identity.Endpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One use of an account that a PAM vault brokered or released: a session it opened with the account
 * (CyberArk PSM, BeyondTrust Password Safe sessions, Delinea launchers) or a password it checked out.
 *
 * <p>A brokered session signs in from the vault's session proxy (a PSM server), not from the user's
 * workstation, so a session names the hosts its sign-ins come from; a checkout hands the password to
 * a person, who may sign in from anywhere, so it names none.
 *
 * @param vault       the vault as an analyst knows it, e.g. {@code CyberArk (pvwa)}
 * @param id          the vault's id of the session or checkout
 * @param user        the vault user who opened it, or null
 * @param sourceHosts names or IP addresses the account's sign-ins come from during it; empty means any
 * @param targetHost  the machine the session connects to, or null
 * @param end         null while it lasts
 */
public record VaultActivity(Kind kind, String vault, String id, String user, Set<String> sourceHosts,
                            String targetHost, Instant start, Instant end) {

    public enum Kind { SESSION, CHECKOUT }

    public VaultActivity {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        sourceHosts = sourceHosts == null ? Set.of() : sourceHosts.stream()
                .filter(Objects::nonNull).map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Whether a sign-in at {@code time} falls in this activity, widened by {@code tolerance} on both
     * sides (clocks differ, and the sign-in that opens a session may precede the vault's record of it).
     */
    public boolean spans(Instant time, Duration tolerance) {
        return !time.isBefore(start.minus(tolerance)) && (end == null || !time.isAfter(end.plus(tolerance)));
    }

    /** Whether this activity overlaps {@code [from, to]}. */
    public boolean overlaps(Instant from, Instant to) {
        return !start.isAfter(to) && (end == null || !end.isBefore(from));
    }

    /**
     * Whether a sign-in from {@code source} can be this activity's. An address is matched by address
     * only: the host name in logon events is whatever the client claims, so it is trusted only when
     * the event carries no address at all.
     */
    public boolean admits(Endpoint source) {
        if (sourceHosts.isEmpty()) {
            return true;
        }
        if (source == null) {
            return false;
        }
        if (source.ip() != null) {
            return sourceHosts.contains(source.ip().toLowerCase(Locale.ROOT));
        }
        return source.host() != null && sourceHosts.stream().anyMatch(h -> sameHost(h, source.host()));
    }

    private static boolean sameHost(String configured, String claimed) {
        String shortName = configured.contains(".") && !Character.isDigit(configured.charAt(0))
                ? configured.substring(0, configured.indexOf('.')) : configured;
        return shortName.equalsIgnoreCase(claimed) || configured.equalsIgnoreCase(claimed);
    }
}
