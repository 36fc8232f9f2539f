package io.vigil.server.console.internal;

import io.vigil.server.api.InvalidRequestException;
import io.vigil.server.api.TriageChange;
import io.vigil.store.StaleVersionException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/**
 * The triage card an alert and an incident page share ({@code fragments/triage :: card}, model
 * attribute {@code triage}) and how its form is handled.
 *
 * @param action          where the form posts
 * @param statuses        the statuses offered, as API names
 * @param version         what the page showed; the change is refused if someone changed the item since
 * @param message         why the last change was refused, or null
 * @param saved           whether the last change was saved
 */
public record Triage(String action, String status, String classification, String assignee, long version,
                     List<String> statuses, List<String> classifications, String message, boolean saved) {

    public static final String FRAGMENT = "fragments/triage :: card";

    public static Triage of(String action, String status, String classification, String assignee, long version,
            List<String> statuses, List<String> classifications) {
        return new Triage(action, status, classification, assignee, version, statuses, classifications, null, false);
    }

    /**
     * The form as posted: every field is sent, so an emptied assignee unassigns; {@code version} is the
     * one the page showed.
     */
    public record Form(String status, String classification, String assignee, Long version) {

        public TriageChange toChange() {
            TriageChange change = new TriageChange();
            change.setStatus(status);
            change.setClassification(classification);
            change.setAssignee(assignee);
            change.setVersion(version);
            return change;
        }
    }

    /**
     * Applies a posted change. A browser without htmx is redirected to {@code page} (or shown the error
     * page when refused); htmx gets the card back: saved, or with the current state and why the change
     * was refused (409 when someone changed it first, 400 for a bad value).
     *
     * @param apply   makes the change and returns the card as it is after it
     * @param current the card as it is now, when the change was refused
     */
    public static String submit(HttpServletRequest request, HttpServletResponse response, Model model, String page,
            Supplier<Triage> apply, Supplier<Triage> current) {
        boolean htmx = Htmx.isRequest(request);
        try {
            Triage after = apply.get();
            if (!htmx) {
                return "redirect:" + page;
            }
            model.addAttribute("triage", after.withOutcome(null, true));
        } catch (StaleVersionException | InvalidRequestException refused) {
            if (!htmx) {
                throw refused;
            }
            boolean stale = refused instanceof StaleVersionException;
            response.setStatus(stale ? HttpStatus.CONFLICT.value() : HttpStatus.BAD_REQUEST.value());
            model.addAttribute("triage", current.get().withOutcome(stale
                    ? "Someone changed this since you opened it. Its current state is shown; apply your change again."
                    : refused.getMessage(), false));
        }
        return FRAGMENT;
    }

    private Triage withOutcome(String message, boolean saved) {
        return new Triage(action, status, classification, assignee, version, statuses, classifications, message, saved);
    }
}
