package io.vigil.server.console.settings.detectors;

import io.vigil.detection.builtin.honeytoken.HoneytokenActivityDetector;
import io.vigil.server.console.settings.internal.Feedback;
import io.vigil.server.console.settings.internal.Refusal;
import io.vigil.server.security.AdminAccess;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The honeytoken accounts card on the honeytoken detector's page: admins add and remove accounts. */
@Controller
@RequestMapping("/settings/detectors/" + HoneytokenActivityDetector.ID + "/honeytokens")
class HoneytokensController {

    private static final String DETECTOR = HoneytokenActivityDetector.ID;

    private final Honeytokens honeytokens;
    private final DetectorPages pages;

    HoneytokensController(Honeytokens honeytokens, DetectorPages pages) {
        this.honeytokens = honeytokens;
        this.pages = pages;
    }

    @PostMapping
    @AdminAccess
    ModelAndView add(@RequestParam(name = "account", defaultValue = "") String account, Principal user,
                     HttpServletRequest request, RedirectAttributes flash) {
        String added;
        try {
            added = honeytokens.add(account, user.getName());
        } catch (RuntimeException e) {
            Refusal refusal = Refusal.of(e);
            return pages.refused(request, DetectorPages.HONEYTOKENS_CARD,
                    pages.page(DETECTOR, Map.of(), null, refusal.feedback(), account), refusal.status());
        }
        return pages.changed(request, DETECTOR, DetectorPages.HONEYTOKENS_CARD, DetectorPages.HONEYTOKEN_FEEDBACK,
                Feedback.done(added + " is a honeytoken: any use of it raises an alert."), flash);
    }

    @PostMapping("/{sid}/remove")
    @AdminAccess
    ModelAndView remove(@PathVariable("sid") String sid, HttpServletRequest request, RedirectAttributes flash) {
        String removed = honeytokens.remove(sid);
        return pages.changed(request, DETECTOR, DetectorPages.HONEYTOKENS_CARD, DetectorPages.HONEYTOKEN_FEEDBACK,
                Feedback.done(removed + " is no longer a honeytoken."), flash);
    }
}
