package io.vigil.server.console.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * How the console words values, called from templates as {@code ${@display.time(alert.startTime)}}.
 * Times are shown in UTC, the zone the events and the API use. Everything returned is plain text:
 * templates escape it like any other value.
 */
@Component("display")
public class Display {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MMM d, HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHORT_OTHER_YEAR = DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("MMM d, HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String NONE = "—";

    /** What the Windows events detectors read stand for. */
    private static final Map<Integer, String> EVENTS = Map.ofEntries(
            Map.entry(4624, "Logon"), Map.entry(4625, "Failed logon"), Map.entry(4648, "Logon with explicit credentials"),
            Map.entry(4662, "Directory object access"), Map.entry(4728, "Added to a global group"),
            Map.entry(4732, "Added to a local group"), Map.entry(4756, "Added to a universal group"),
            Map.entry(4768, "Kerberos ticket (TGT) request"), Map.entry(4769, "Kerberos service ticket request"),
            Map.entry(4771, "Kerberos pre-authentication failed"), Map.entry(4776, "NTLM credential validation"),
            Map.entry(5136, "Directory object modified"), Map.entry(5137, "Directory object created"),
            Map.entry(5145, "Network share access"), Map.entry(7045, "Service installed"),
            Map.entry(4697, "Service installed"), Map.entry(4720, "Account created"), Map.entry(4738, "Account changed"));

    /** Words that plain capitalisation gets wrong. */
    private static final Map<String, String> SPECIAL = Map.of(
            "asrep_roastable", "AS-REP roastable",
            "managed_by_cyberark", "Managed by CyberArk",
            "managed_by_beyondtrust", "Managed by BeyondTrust",
            "managed_by_delinea", "Managed by Delinea",
            "gmsa", "gMSA",
            "ip", "IP address");

    public String time(Instant instant) {
        return instant == null ? NONE : TIME.format(instant);
    }

    /** {@code Mar 2, 10:05} this year, {@code Mar 2, 2024 10:05} before. */
    public String shortTime(Instant instant) {
        if (instant == null) {
            return NONE;
        }
        boolean thisYear = instant.atZone(ZoneOffset.UTC).getYear() == Instant.now().atZone(ZoneOffset.UTC).getYear();
        return (thisYear ? SHORT : SHORT_OTHER_YEAR).format(instant);
    }

    public String day(Instant instant) {
        return instant == null ? NONE : DAY.format(instant);
    }

    public String date(Instant instant) {
        return instant == null ? NONE : DATE.format(instant);
    }

    /** To the second, for timelines where many events share a minute. */
    public String clock(Instant instant) {
        return instant == null ? NONE : CLOCK.format(instant);
    }

    /** A time as an ISO-8601 value for {@code <time datetime>}. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** {@code in_progress} → {@code In progress}, {@code managed_by_cyberark} → {@code Managed by CyberArk}. */
    public String label(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        String key = value.toLowerCase(Locale.ROOT);
        String special = SPECIAL.get(key);
        if (special != null) {
            return special;
        }
        String words = key.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** {@code 3 min}, {@code 2 h}, {@code 5 d}: how long ago, for "last seen" columns. */
    public String ago(Instant instant, Instant now) {
        if (instant == null) {
            return NONE;
        }
        Duration d = Duration.between(instant, now);
        if (d.isNegative() || d.toMinutes() < 1) {
            return "just now";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + " min ago";
        }
        if (d.toDays() < 1) {
            return d.toHours() + " h ago";
        }
        return d.toDays() + " d ago";
    }

    /** {@code 4769} → {@code Kerberos service ticket request}; the number alone when unknown. */
    public String event(int eventId) {
        return EVENTS.getOrDefault(eventId, "Event " + eventId);
    }

    public String orNone(Object value) {
        return value == null || value.toString().isBlank() ? NONE : value.toString();
    }

    public String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** {@code 1 alert}, {@code 3 alerts}. */
    public String count(long n, String noun) {
        return count(n) + " " + (n == 1 ? noun : noun + "s");
    }

    /** {@code CredentialAccess} → {@code Credential Access}: Sentinel's tactic names as words. */
    public String words(String camelCase) {
        return camelCase == null ? NONE : camelCase.replaceAll("(?<=[a-z])(?=[A-Z])", " ");
    }
}
