package io.vigil.integrations.pam.beyondtrust;

/** Which of Password Safe's two account listings the API user is entitled to. */
public enum AccountListing {
    /** Permission-based ("Password Safe Account Management: Read"): every managed system and its accounts; the full inventory. */
    MANAGED_SYSTEMS,
    /** Role-based (Requestor / ISA): {@code ManagedAccounts}, only accounts with "API Enabled". */
    MANAGED_ACCOUNTS
}
