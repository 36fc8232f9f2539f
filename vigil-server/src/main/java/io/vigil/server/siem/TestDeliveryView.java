package io.vigil.server.siem;

/** The outcome of "send a test alert". */
public record TestDeliveryView(boolean delivered, String rowId, int httpStatus, String message) {
}
