package io.vigil.model.alert;

/** MITRE ATT&CK enterprise tactics, with their ids and the spelling Sentinel's {@code Tactics} column uses. */
public enum MitreTactic {
    RECONNAISSANCE("TA0043", "Reconnaissance"),
    RESOURCE_DEVELOPMENT("TA0042", "ResourceDevelopment"),
    INITIAL_ACCESS("TA0001", "InitialAccess"),
    EXECUTION("TA0002", "Execution"),
    PERSISTENCE("TA0003", "Persistence"),
    PRIVILEGE_ESCALATION("TA0004", "PrivilegeEscalation"),
    DEFENSE_EVASION("TA0005", "DefenseEvasion"),
    CREDENTIAL_ACCESS("TA0006", "CredentialAccess"),
    DISCOVERY("TA0007", "Discovery"),
    LATERAL_MOVEMENT("TA0008", "LateralMovement"),
    COLLECTION("TA0009", "Collection"),
    COMMAND_AND_CONTROL("TA0011", "CommandAndControl"),
    EXFILTRATION("TA0010", "Exfiltration"),
    IMPACT("TA0040", "Impact");

    private final String id;
    private final String sentinelName;

    MitreTactic(String id, String sentinelName) {
        this.id = id;
        this.sentinelName = sentinelName;
    }

    public String id() {
        return id;
    }

    public String sentinelName() {
        return sentinelName;
    }
}
