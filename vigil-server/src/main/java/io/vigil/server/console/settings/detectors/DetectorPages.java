package io.vigil.server.console.settings.detectors;

import io.vigil.detection.builtin.honeytoken.HoneytokenActivityDetector;
import io.vigil.server.console.internal.Htmx;
import io.vigil.server.console.settings.internal.Feedback;
import io.vigil.server.detectors.DetectorDetailView;
import io.vigil.server.detectors.DetectorSettingsService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The detector page and its two cards (settings with the on/off switch; honeytoken accounts on the
 * honeytoken detector's page): whole, or one card for htmx; after a change, the card for htmx or a
 * redirect back to the page, which shows what was done (flashed).
 */
@Component
class DetectorPages {

    static final String DETAIL = "settings/detector";
    static final String SETTINGS_CARD = DETAIL + " :: settings-card";
    static final String HONEYTOKENS_CARD = DETAIL + " :: honeytokens-card";
    static final String SETTINGS_FEEDBACK = "settingsFeedback";
    static final String HONEYTOKEN_FEEDBACK = "honeytokenFeedback";

    private final DetectorSettingsService settings;
    private final Honeytokens honeytokens;

    DetectorPages(DetectorSettingsService settings, Honeytokens honeytokens) {
        this.settings = settings;
        this.honeytokens = honeytokens;
    }

    /**
     * @param typed what a refused settings form held, shown instead of the stored values
     */
    ModelAndView page(String detectorId, Map<String, String> typed, Feedback settingsFeedback,
                      Feedback honeytokenFeedback, String typedAccount) {
        DetectorDetailView detector = settings.view(detectorId);
        List<SettingRow> rows = detector.settings().stream().filter(s -> !s.name().equals(DetectorForm.ENABLED))
                .map(s -> SettingRow.of(s, typed)).toList();
        ModelAndView page = new ModelAndView(DETAIL)
                .addObject("detector", detector)
                .addObject("settings", rows)
                .addObject(SETTINGS_FEEDBACK, settingsFeedback)
                .addObject(HONEYTOKEN_FEEDBACK, honeytokenFeedback)
                .addObject("typedAccount", typedAccount == null ? "" : typedAccount);
        if (detectorId.equals(HoneytokenActivityDetector.ID)) {
            page.addObject("honeytokens", honeytokens.list());
        }
        return page;
    }

    /** After a change to the card {@code fragment} of the page, with {@code feedback} under {@code feedbackName}. */
    ModelAndView changed(HttpServletRequest request, String detectorId, String fragment, String feedbackName,
                         Feedback feedback, RedirectAttributes flash) {
        if (!Htmx.isRequest(request)) {
            flash.addFlashAttribute(feedbackName, feedback);
            return new ModelAndView("redirect:/settings/detectors/" + UriUtils.encodePathSegment(detectorId,
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        boolean settingsCard = fragment.equals(SETTINGS_CARD);
        ModelAndView card = page(detectorId, Map.of(), settingsCard ? feedback : null, settingsCard ? null : feedback, null);
        card.setViewName(fragment);
        return card;
    }

    /** A refused change: the card (htmx) or the page, with what was typed and why, at the refusal's status. */
    ModelAndView refused(HttpServletRequest request, String fragment, ModelAndView page, HttpStatus status) {
        if (Htmx.isRequest(request)) {
            page.setViewName(fragment);
        }
        page.setStatus(status);
        return page;
    }
}
