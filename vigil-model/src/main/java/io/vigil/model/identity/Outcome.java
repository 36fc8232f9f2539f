package io.vigil.model.identity;

public enum Outcome { SUCCESS, FAILURE, UNKNOWN }
