package io.vigil.model.event;

import java.util.Locale;
import java.util.Map;

/** Channel names compare case-insensitively; this gives the well-known ones one spelling. */
public final class Channels {

    public static final String SECURITY = "Security";
    public static final String SYSTEM = "System";

    private static final Map<String, String> CANONICAL = Map.of(
            "security", SECURITY,
            "system", SYSTEM,
            "application", "Application",
            "directory service", "Directory Service",
            "microsoft-windows-ntlm/operational", "Microsoft-Windows-NTLM/Operational",
            "microsoft-windows-sysmon/operational", "Microsoft-Windows-Sysmon/Operational",
            "windows powershell", "Windows PowerShell",
            "microsoft-windows-powershell/operational", "Microsoft-Windows-PowerShell/Operational");

    /**
     * Channels already in their canonical spelling need no lower-casing (the common case, per event);
     * decoders that hand out these very constants skip even the lookup.
     */
    private static final java.util.Set<String> SPELLED_RIGHT = java.util.Set.copyOf(CANONICAL.values());

    private Channels() {
    }

    public static String canonical(String channel) {
        if (channel == null) {
            return "";
        }
        if (channel == SECURITY || channel == SYSTEM || SPELLED_RIGHT.contains(channel)) {
            return channel;
        }
        String known = CANONICAL.get(channel.toLowerCase(Locale.ROOT));
        return known != null ? known : channel;
    }
}
