package io.vigil.server.console.settings.integrations;

import io.vigil.model.user.Role;
import io.vigil.server.console.settings.internal.Feedback;
import io.vigil.server.security.ReaderAccess;
import io.vigil.server.security.Roles;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/** {@code /settings/integrations}: a card per vault vendor, SIEM kind and the directory, with their state. */
@Controller
class IntegrationsController {

    private final IntegrationAnswers answers;

    IntegrationsController(IntegrationAnswers answers) {
        this.answers = answers;
    }

    @GetMapping("/settings/integrations")
    @ReaderAccess
    ModelAndView page(Authentication viewer, Model model) {
        boolean admin = Roles.of(viewer).orElseThrow().includes(Role.SECURITY_ADMIN);
        // after a plain form's action, the redirect carries what was done to which card
        if (admin && model.getAttribute(IntegrationAnswers.FLASH_CARD) instanceof String key
                && model.getAttribute(IntegrationAnswers.FLASH_FEEDBACK) instanceof Feedback feedback) {
            return answers.page(true, answers.card(key).with(feedback));
        }
        return answers.page(admin, null);
    }
}
