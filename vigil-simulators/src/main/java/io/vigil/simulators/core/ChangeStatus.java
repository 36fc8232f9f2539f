package io.vigil.simulators.core;

/** Where a simulated account's last password change stands. */
public enum ChangeStatus { NONE, IN_PROGRESS, SUCCEEDED, FAILED }
