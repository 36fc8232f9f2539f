package io.vigil.integrations.siem;

import java.util.Locale;

/** Why an alert went to the SIEM again: Defender for Identity's CEF {@code trigger} (new / update), plus status changes. */
public enum AlertChange {
    NEW, UPDATE, STATUS, TEST;

    /** The CEF {@code cs2} trigger value: {@code new} for a new alert, {@code update} for any later change. */
    public String trigger() {
        return this == NEW || this == TEST ? "new" : "update";
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
