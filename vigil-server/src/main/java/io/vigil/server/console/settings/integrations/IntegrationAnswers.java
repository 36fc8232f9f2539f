package io.vigil.server.console.settings.integrations;

import io.vigil.server.console.internal.Htmx;
import io.vigil.server.console.settings.internal.Feedback;
import io.vigil.server.console.settings.internal.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How Settings &gt; Integrations answers: the page; after an action, the changed card for htmx or a
 * redirect back to the page that shows what was done (the same form without JavaScript); a refused
 * form again, with what was typed and why, and the refusal's status.
 */
@Component
class IntegrationAnswers {

    static final String PAGE = "settings/integrations";
    static final String CARD = "settings/integration-card :: card";
    static final String FLASH_CARD = "changedCard";
    static final String FLASH_FEEDBACK = "feedback";

    private final IntegrationCards cards;

    IntegrationAnswers(IntegrationCards cards) {
        this.cards = cards;
    }

    /** The whole page; {@code shown}, when not null, in place of its card. */
    ModelAndView page(boolean admin, IntegrationCard shown) {
        List<CardGroup> groups = cards.groups(admin);
        if (shown != null) {
            groups = groups.stream().map(g -> g.replacing(shown)).toList();
        }
        return new ModelAndView(PAGE).addObject("groups", groups);
    }

    ModelAndView done(HttpServletRequest request, String key, Feedback feedback, RedirectAttributes flash) {
        if (Htmx.isRequest(request)) {
            return card(cards.card(key).with(feedback), HttpStatus.OK);
        }
        flash.addFlashAttribute(FLASH_CARD, key);
        flash.addFlashAttribute(FLASH_FEEDBACK, feedback);
        return new ModelAndView("redirect:/settings/integrations");
    }

    /** A refused action on a connection: its card again with the reason. */
    ModelAndView refused(HttpServletRequest request, String key, Refusal refusal) {
        return refused(request, cards.card(key).with(refusal.feedback()), refusal.status());
    }

    /** A refused connect form: the card with the form as typed (secrets left out) and the reason. */
    ModelAndView refused(HttpServletRequest request, IntegrationCard card, HttpStatus status) {
        ModelAndView answer = Htmx.isRequest(request) ? card(card, status) : page(true, card);
        answer.setStatus(status);
        return answer;
    }

    IntegrationCard card(String key) {
        return cards.card(key);
    }

    private static ModelAndView card(IntegrationCard card, HttpStatus status) {
        ModelAndView answer = new ModelAndView(CARD).addObject("card", card);
        answer.setStatus(status);
        return answer;
    }
}
