package io.vigil.server.console.settings.detectors;

import io.vigil.server.console.settings.internal.Feedback;
import io.vigil.server.console.settings.internal.Refusal;
import io.vigil.server.detectors.DetectorDetailView;
import io.vigil.server.detectors.DetectorSettingsService;
import io.vigil.server.security.AdminAccess;
import io.vigil.server.security.ReaderAccess;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /settings/detectors}: every detector with its severity, MITRE techniques and whether it runs;
 * a detector's page with its settings, which admins change through {@link DetectorSettingsService} (checked
 * by the detector's own binder and audited, as through the API).
 */
@Controller
@RequestMapping("/settings/detectors")
class DetectorsController {

    private final DetectorSettingsService settings;
    private final DetectorPages pages;

    DetectorsController(DetectorSettingsService settings, DetectorPages pages) {
        this.settings = settings;
        this.pages = pages;
    }

    @GetMapping
    @ReaderAccess
    String list(Model model) {
        model.addAttribute("detectors", settings.list());
        return "settings/detectors";
    }

    @GetMapping("/{id}")
    @ReaderAccess
    ModelAndView detector(@PathVariable("id") String id, Model model) {
        return pages.page(id, Map.of(), flashed(model, DetectorPages.SETTINGS_FEEDBACK),
                flashed(model, DetectorPages.HONEYTOKEN_FEEDBACK), null);
    }

    @PostMapping("/{id}/settings")
    @AdminAccess
    ModelAndView change(@PathVariable("id") String id, @RequestParam Map<String, String> form, Principal user,
                        HttpServletRequest request, RedirectAttributes flash) {
        DetectorDetailView detector = settings.view(id);
        return replace(id, DetectorForm.overrides(detector, form), form, user, request, flash,
                "Settings saved; the detector runs with them from now on.");
    }

    @PostMapping("/{id}/enabled")
    @AdminAccess
    ModelAndView enable(@PathVariable("id") String id, @RequestParam("enabled") boolean enabled, Principal user,
                        HttpServletRequest request, RedirectAttributes flash) {
        DetectorDetailView detector = settings.view(id);
        return replace(id, DetectorForm.switched(detector, enabled), Map.of(), user, request, flash,
                enabled ? "The detector is on." : "The detector is off: it raises no alerts.");
    }

    /** Stores the detector's new settings; a refusal shows the settings card again with {@code form} filled in. */
    private ModelAndView replace(String id, Map<String, Object> overrides, Map<String, String> form, Principal user,
                                 HttpServletRequest request, RedirectAttributes flash, String done) {
        try {
            settings.replace(id, overrides, user.getName());
        } catch (RuntimeException e) {
            Refusal refusal = Refusal.of(e);
            return pages.refused(request, DetectorPages.SETTINGS_CARD,
                    pages.page(id, form, refusal.feedback(), null, null), refusal.status());
        }
        return pages.changed(request, id, DetectorPages.SETTINGS_CARD, DetectorPages.SETTINGS_FEEDBACK,
                Feedback.done(done), flash);
    }

    private static Feedback flashed(Model model, String name) {
        return model.getAttribute(name) instanceof Feedback feedback ? feedback : null;
    }
}
