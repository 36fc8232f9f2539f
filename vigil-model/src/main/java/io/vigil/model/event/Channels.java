package io.vigil.model.event;

import java.util.List;

/** Channel names compare case-insensitively; this gives the well-known ones one spelling. */
public final class Channels {

    public static final String SECURITY = "Security";
    public static final String SYSTEM = "System";

    private static final List<String> WELL_KNOWN = List.of(SECURITY, SYSTEM, "Application", "Directory Service",
            "Microsoft-Windows-NTLM/Operational", "Microsoft-Windows-Sysmon/Operational", "Windows PowerShell",
            "Microsoft-Windows-PowerShell/Operational");

    /**
     * The last name found not to be well known. A decoder hands out one String per channel for many
     * events in a row, so this spares comparing it with every well-known name again for each event.
     * Racy on purpose: a stale or overwritten value only costs the comparisons it would have saved.
     */
    private static String lastUnknown = "";

    private Channels() {
    }

    /**
     * The well-known spelling of a channel, or the channel as given. Runs once per event, so it neither
     * allocates nor lower-cases: a decoder that hands out these very constants costs one comparison, and
     * other names mostly differ in length, which {@link String#equalsIgnoreCase} checks first.
     */
    public static String canonical(String channel) {
        if (channel == null) {
            return "";
        }
        for (String known : WELL_KNOWN) {
            if (known == channel) {
                return known;
            }
        }
        if (channel == lastUnknown) {
            return channel;
        }
        for (String known : WELL_KNOWN) {
            if (known.equalsIgnoreCase(channel)) {
                return known;
            }
        }
        lastUnknown = channel;
        return channel;
    }
}
