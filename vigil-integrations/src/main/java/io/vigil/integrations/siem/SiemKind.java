package io.vigil.integrations.siem;

/** The kinds of SIEM export Vigil has. */
public enum SiemKind {
    /** Azure Monitor Logs Ingestion API into a custom table with SecurityAlert's columns. */
    SENTINEL,
    /** CEF over syslog, in Defender for Identity's layout. */
    CEF_SYSLOG,
    /** JSON POST signed with HMAC-SHA256. */
    WEBHOOK
}
