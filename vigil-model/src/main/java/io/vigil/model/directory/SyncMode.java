package io.vigil.model.directory;

public enum SyncMode { FULL, INCREMENTAL }
