package io.vigil.server.siem;

import java.time.Instant;
import java.util.Map;

/**
 * An exporter as the API shows it: configuration without secrets ({@code secretSet} says whether
 * one is stored) and its delivery status.
 */
public record SiemExporterView(String id, String name, String kind, boolean enabled, Map<String, String> settings,
                               boolean secretSet, long version, Instant updatedAt, String updatedBy,
                               DeliveryStatusView status) {
}
