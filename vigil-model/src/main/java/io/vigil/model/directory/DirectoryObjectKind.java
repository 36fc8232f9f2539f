package io.vigil.model.directory;

/** What a directory entry is, as far as identity threat detection cares. */
public enum DirectoryObjectKind {
    USER,
    COMPUTER,
    GROUP,
    /** A group managed service account ({@code msDS-GroupManagedServiceAccount}); a computer to AD. */
    GMSA
}
