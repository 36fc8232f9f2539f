package io.vigil.model.directory;

public enum SyncState { SUCCEEDED, FAILED }
