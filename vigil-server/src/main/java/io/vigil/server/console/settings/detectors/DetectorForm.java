package io.vigil.server.console.settings.detectors;

import io.vigil.server.detectors.DetectorDetailView;
import io.vigil.server.detectors.SettingView;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A detector's settings form as the overrides the settings service takes (it replaces them all): a
 * value left blank or equal to the default goes back to the default, so the page never pins a default.
 * Lists are typed comma-separated; they are stored as the API stores a JSON array, without the spaces.
 */
final class DetectorForm {

    static final String ENABLED = "enabled";

    private DetectorForm() {
    }

    /** The overrides the submitted form asks for; the on/off switch stays as it is. */
    static Map<String, Object> overrides(DetectorDetailView detector, Map<String, String> form) {
        Map<String, Object> overrides = new LinkedHashMap<>();
        for (SettingView s : detector.settings()) {
            String value = s.name().equals(ENABLED) ? s.value() : normalised(form.get(s.name()));
            if (value != null && !value.isEmpty() && !value.equals(s.defaultValue())) {
                overrides.put(s.name(), value);
            }
        }
        return overrides;
    }

    private static String normalised(String typed) {
        if (typed == null) {
            return null;
        }
        return Arrays.stream(typed.split(",")).map(String::strip).filter(item -> !item.isEmpty())
                .collect(Collectors.joining(","));
    }

    /** The current overrides with the detector switched on or off. */
    static Map<String, Object> switched(DetectorDetailView detector, boolean enabled) {
        Map<String, Object> overrides = new LinkedHashMap<>();
        detector.settings().stream().filter(SettingView::overridden).filter(s -> !s.name().equals(ENABLED))
                .forEach(s -> overrides.put(s.name(), s.value()));
        if (!enabled) {
            overrides.put(ENABLED, false);
        }
        return overrides;
    }
}
