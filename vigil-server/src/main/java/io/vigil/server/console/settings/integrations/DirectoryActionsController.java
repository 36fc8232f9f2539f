package io.vigil.server.console.settings.integrations;

import io.vigil.server.console.settings.internal.Feedback;
import io.vigil.server.console.settings.internal.FilledForm;
import io.vigil.server.console.settings.internal.Refusal;
import io.vigil.server.directory.ConnectionCheckView;
import io.vigil.server.directory.DirectorySourceService;
import io.vigil.server.directory.DirectorySourceView;
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

/**
 * The directory card's actions, through {@link DirectorySourceService} as the API's: connect a domain
 * (its first full sync starts), test the connection, sync now, enable or disable, delete.
 */
@Controller
@RequestMapping("/settings/integrations/" + IntegrationCards.DIRECTORY)
class DirectoryActionsController {

    private static final String KEY = IntegrationCards.DIRECTORY;

    private final DirectorySourceService sources;
    private final IntegrationAnswers answers;

    DirectoryActionsController(DirectorySourceService sources, IntegrationAnswers answers) {
        this.sources = sources;
        this.answers = answers;
    }

    @PostMapping("/connect")
    @AdminAccess
    ModelAndView connect(@RequestParam Map<String, String> form, Principal user, HttpServletRequest request,
                         RedirectAttributes flash) {
        DirectorySourceView created;
        try {
            created = sources.create(DirectoryForm.request(form), user.getName());
        } catch (RuntimeException e) {
            Refusal refusal = Refusal.of(e);
            return answers.refused(request, answers.card(KEY).refused(FilledForm.echo(DirectoryForm.FIELDS, form),
                    refusal.feedback()), refusal.status());
        }
        return answers.done(request, KEY, Feedback.done(created.domain()
                + " is connected; its first full sync is running."), flash);
    }

    @PostMapping("/{id}/test")
    @AdminAccess
    ModelAndView test(@PathVariable("id") long id, HttpServletRequest request, RedirectAttributes flash) {
        DirectorySourceView source = sources.get(id);
        ConnectionCheckView check = sources.test(id);
        Feedback feedback = check.ok()
                ? Feedback.done(source.domain() + ": Vigil signed in to " + check.server() + " and read the base DN.")
                : Feedback.failed(source.domain() + ": the test failed. " + check.error());
        return answers.done(request, KEY, feedback, flash);
    }

    @PostMapping("/{id}/sync")
    @AdminAccess
    ModelAndView sync(@PathVariable("id") long id, HttpServletRequest request, RedirectAttributes flash) {
        DirectorySourceView source = sources.get(id);
        sources.requestSync(id, false);
        return answers.done(request, KEY, Feedback.done(source.domain() + ": a sync is running."), flash);
    }

    @PostMapping("/{id}/enabled")
    @AdminAccess
    ModelAndView enable(@PathVariable("id") long id, @RequestParam("enabled") boolean enabled, Principal user,
                        HttpServletRequest request, RedirectAttributes flash) {
        DirectorySourceView source = sources.get(id);
        try {
            sources.replace(id, DirectoryForm.withEnabled(source, enabled), user.getName());
        } catch (RuntimeException e) {
            return answers.refused(request, KEY, Refusal.of(e));
        }
        return answers.done(request, KEY, Feedback.done(source.domain()
                + (enabled ? " is enabled." : " is disabled: it is no longer synced.")), flash);
    }

    @PostMapping("/{id}/delete")
    @AdminAccess
    ModelAndView delete(@PathVariable("id") long id, HttpServletRequest request, RedirectAttributes flash) {
        DirectorySourceView source = sources.get(id);
        sources.delete(id);
        return answers.done(request, KEY, Feedback.done(source.domain()
                + " is deleted, with its identities."), flash);
    }
}
