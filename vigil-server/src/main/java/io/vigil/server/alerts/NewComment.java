package io.vigil.server.alerts;

/** The body of {@code POST /api/v1/alerts/{id}/comments}. */
public record NewComment(String text) {
}
