package io.vigil.server.detectors;

import io.vigil.detection.spi.DetectorDescriptor;
import io.vigil.model.audit.AuditOutcome;
import io.vigil.server.api.InvalidRequestException;
import io.vigil.server.security.AuditTrail;
import io.vigil.store.VigilDatabase;
import io.vigil.store.settings.DetectorSetting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * A detector's settings: the defaults of its config record, overridden per setting by admins. Changes
 * are checked with the same binder that configures the detector, stored, audited, and announced with
 * {@link DetectorSettingsChanged}.
 */
@Service
public class DetectorSettingsService {

    static final String AUDIT_ACTION = "detector.settings.update";

    private final DetectorCatalog catalog;
    private final VigilDatabase database;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;

    DetectorSettingsService(DetectorCatalog catalog, VigilDatabase database, ApplicationEventPublisher events,
                            AuditTrail audit) {
        this.catalog = catalog;
        this.database = database;
        this.events = events;
        this.audit = audit;
    }

    /** Every detector this server has, each with whether it runs and its settings. */
    public List<DetectorDetailView> list() {
        return catalog.all().stream().map(d -> view(d.id())).toList();
    }

    public DetectorDetailView view(String detectorId) {
        DetectorDescriptor descriptor = catalog.get(detectorId);
        Map<String, String> defaults = new LinkedHashMap<>(catalog.registry().defaultSettings(detectorId));
        defaults.putAll(ResponseSettings.defaults());
        Map<String, DetectorSetting> overrides = database.detectorSettings().forDetector(detectorId).stream()
                .collect(Collectors.toMap(DetectorSetting::name, Function.identity()));
        List<SettingView> settings = new ArrayList<>();
        defaults.forEach((name, defaultValue) -> {
            DetectorSetting override = overrides.get(name);
            settings.add(override == null ? new SettingView(name, defaultValue, defaultValue, false, null, null)
                    : new SettingView(name, override.value(), defaultValue, true, override.updatedBy(), override.updatedAt()));
        });
        boolean enabled = settings.stream().filter(s -> s.name().equals("enabled"))
                .allMatch(s -> Boolean.parseBoolean(s.value()));
        return new DetectorDetailView(DetectorView.of(descriptor), enabled, settings);
    }

    /**
     * Makes {@code requested} the detector's overrides: settings it names are set, settings it leaves
     * out go back to their defaults.
     *
     * @throws InvalidRequestException naming the unknown setting or the bad value; nothing is stored then
     */
    public DetectorDetailView replace(String detectorId, Map<String, Object> requested, String user) {
        catalog.get(detectorId);
        Map<String, String> settings = SettingValues.toText(requested);
        try {
            catalog.registry().validate(detectorId, ResponseSettings.withoutResponse(settings));
            settings.forEach((name, value) -> {
                if (ResponseSettings.isResponseSetting(name)) {
                    ResponseSettings.validate(name, value);
                }
            });
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(offendingSetting(settings, e.getMessage()), e.getMessage());
        }
        Map<String, String> before = database.detectorSettings().valuesOf(detectorId);
        before.keySet().stream().filter(name -> !settings.containsKey(name))
                .forEach(name -> database.detectorSettings().remove(detectorId, name));
        settings.forEach((name, value) -> database.detectorSettings().put(detectorId, name, value, user));
        audit.record(AUDIT_ACTION, detectorId, AuditOutcome.SUCCESS,
                Map.of("before", describe(before), "after", describe(settings)));
        if (!ResponseSettings.withoutResponse(before).equals(ResponseSettings.withoutResponse(settings))) {
            events.publishEvent(new DetectorSettingsChanged(detectorId));
        }
        return view(detectorId);
    }

    /** The setting the binder's message names, so the problem's {@code field} points at it. */
    private static String offendingSetting(Map<String, String> settings, String message) {
        return settings.keySet().stream().filter(name -> message.contains("." + name) || message.contains(" " + name))
                .findFirst().orElse("settings");
    }

    private static String describe(Map<String, String> settings) {
        return settings.isEmpty() ? "(defaults)" : settings.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining("; "));
    }
}
