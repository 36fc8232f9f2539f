package io.vigil.integrations.ldap.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Active Directory's two time formats. */
public final class AdTime {

    /** 100-ns intervals between 1601-01-01 and 1970-01-01. */
    private static final long EPOCH_OFFSET = 116_444_736_000_000_000L;
    private static final long NEVER = Long.MAX_VALUE;
    private static final DateTimeFormatter GENERALIZED = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private AdTime() {
    }

    /**
     * A FILETIME integer ({@code lastLogon}, {@code pwdLastSet}, …): 100-ns ticks since 1601 UTC.
     * 0 and {@code 0x7FFFFFFFFFFFFFFF} mean "never" and give null.
     */
    public static Instant fromFileTime(String value) {
        long ticks;
        try {
            ticks = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a FILETIME integer");
        }
        if (ticks == 0 || ticks == NEVER) {
            return null;
        }
        if (ticks < 0) {
            throw new IllegalArgumentException("negative FILETIME " + ticks);
        }
        long sinceUnix = ticks - EPOCH_OFFSET;
        return Instant.ofEpochSecond(Math.floorDiv(sinceUnix, 10_000_000L),
                Math.floorMod(sinceUnix, 10_000_000L) * 100);
    }

    /** AD's GeneralizedTime, {@code 20260105093000.0Z}: seconds, an optional fraction, always UTC. */
    public static Instant fromGeneralizedTime(String value) {
        String text = value.trim();
        if (!text.endsWith("Z") || text.length() < 15) {
            throw new IllegalArgumentException("'" + value + "' is not a UTC GeneralizedTime");
        }
        try {
            LocalDateTime seconds = LocalDateTime.parse(text.substring(0, 14), GENERALIZED);
            int nanos = 0;
            String rest = text.substring(14, text.length() - 1);
            if (!rest.isEmpty()) {
                if (rest.charAt(0) != '.' || rest.length() > 10 || rest.length() < 2
                        || !rest.substring(1).chars().allMatch(Character::isDigit)) {
                    throw new IllegalArgumentException("'" + value + "' has a malformed fraction");
                }
                nanos = Integer.parseInt((rest.substring(1) + "000000000").substring(0, 9));
            }
            return seconds.toInstant(ZoneOffset.UTC).plusNanos(nanos);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not a GeneralizedTime");
        }
    }
}
