package io.vigil.model.alert;

public enum Classification { UNDETERMINED, TRUE_POSITIVE, BENIGN_TRUE_POSITIVE, FALSE_POSITIVE }
