package io.vigil.server.detectors;

import io.vigil.server.security.AdminAccess;
import io.vigil.server.security.ReaderAccess;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/detectors}: what Vigil can detect, with the Defender for Identity alert each follows, and its settings. */
@RestController
@RequestMapping("/api/v1/detectors")
class DetectorController {

    private final List<DetectorView> detectors;
    private final DetectorSettingsService settings;

    DetectorController(DetectorCatalog catalog, DetectorSettingsService settings) {
        this.detectors = catalog.all().stream().map(DetectorView::of).toList();
        this.settings = settings;
    }

    /** Every detector; a short, fixed list, so it is not paged. */
    @GetMapping
    @ReaderAccess
    List<DetectorView> list() {
        return detectors;
    }

    @GetMapping("/{id}")
    @ReaderAccess
    DetectorDetailView get(@PathVariable("id") String id) {
        return settings.view(id);
    }

    /**
     * Replaces the detector's settings with the object sent, setting → value (thresholds, windows such as
     * {@code "15m"}, exclusion lists as arrays, {@code enabled}); settings left out return to their
     * defaults, so {@code {}} resets all. An unknown setting or a bad value is a 400 naming it.
     */
    @PutMapping(path = "/{id}/settings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @AdminAccess
    DetectorDetailView replaceSettings(@PathVariable("id") String id, @RequestBody Map<String, Object> values,
                                       Principal user) {
        return settings.replace(id, values, user.getName());
    }
}
