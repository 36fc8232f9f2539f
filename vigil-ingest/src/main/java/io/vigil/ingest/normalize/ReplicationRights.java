package io.vigil.ingest.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The directory replication control-access rights a 4662 {@code Properties} field may carry. */
final class ReplicationRights {

    /** RIGHT_DS_CONTROL_ACCESS: the extended-right bit a replication request is audited with. */
    static final long CONTROL_ACCESS = 0x100;

    private static final Map<String, String> RIGHTS = Map.of(
            "1131f6aa-9c07-11d1-f79f-00c04fc2dcd2", "DS-Replication-Get-Changes",
            "1131f6ad-9c07-11d1-f79f-00c04fc2dcd2", "DS-Replication-Get-Changes-All",
            "89e95b76-444d-4c62-991a-0facbeda640c", "DS-Replication-Get-Changes-In-Filtered-Set");

    private ReplicationRights() {
    }

    /** The rights named in {@code properties}, comma-separated, or null when there are none. */
    static String named(String properties) {
        if (properties == null) {
            return null;
        }
        String p = properties.toLowerCase(Locale.ROOT);
        List<String> found = new ArrayList<>(2);
        RIGHTS.forEach((guid, name) -> {
            if (p.contains(guid)) {
                found.add(name);
            }
        });
        if (found.isEmpty()) {
            return null;
        }
        found.sort(null);
        return String.join(",", found);
    }
}
