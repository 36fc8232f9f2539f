package io.vigil.server.console.settings.integrations;

import io.vigil.integrations.pam.PamOutcome;
import io.vigil.integrations.pam.PamVendor;
import io.vigil.server.api.ApiValues;
import io.vigil.server.console.settings.internal.FilledForm;
import io.vigil.server.console.settings.internal.Feedback;
import io.vigil.server.console.settings.internal.Refusal;
import io.vigil.server.pam.PamConnectionView;
import io.vigil.server.pam.PamConnections;
import io.vigil.server.security.AdminAccess;
import io.vigil.store.pam.PamConnection;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The vault cards' actions, through {@link PamConnections} as the API's: connect (stored, then tested
 * at once so the card says whether Vigil can sign in), test, sync now, enable or disable, delete.
 */
@Controller
@RequestMapping("/settings/integrations/" + IntegrationCards.VAULTS)
class VaultActionsController {

    private final PamConnections connections;
    private final IntegrationAnswers answers;

    VaultActionsController(PamConnections connections, IntegrationAnswers answers) {
        this.connections = connections;
        this.answers = answers;
    }

    @PostMapping("/{vendor}/connect")
    @AdminAccess
    ModelAndView connect(@PathVariable("vendor") String vendorName, @RequestParam Map<String, String> form,
                         HttpServletRequest request, RedirectAttributes flash) {
        PamVendor vendor = ApiValues.parse(PamVendor.class, "vendor", vendorName);
        String key = IntegrationCards.key(vendor);
        PamConnection created;
        try {
            created = connections.create(VaultForms.request(vendor, form));
        } catch (RuntimeException e) {
            Refusal refusal = Refusal.of(e);
            return answers.refused(request, answers.card(key).refused(
                    FilledForm.echo(VaultForms.fields(vendor), form), refusal.feedback()), refusal.status());
        }
        return answers.done(request, key, tested(created.name(), connections.test(created.id())), flash);
    }

    @PostMapping("/{id}/test")
    @AdminAccess
    ModelAndView test(@PathVariable("id") String id, HttpServletRequest request, RedirectAttributes flash) {
        PamConnectionView connection = connections.view(connections.get(id));
        return answers.done(request, connection.vendor(), tested(connection.name(), connections.test(id)), flash);
    }

    @PostMapping("/{id}/sync")
    @AdminAccess
    ModelAndView sync(@PathVariable("id") String id, HttpServletRequest request, RedirectAttributes flash) {
        PamConnectionView synced = connections.view(connections.sync(id));
        Feedback feedback = "failed".equals(synced.status())
                ? Feedback.failed(synced.name() + " could not be synced: " + synced.statusMessage())
                : Feedback.done(synced.name() + " synced: " + synced.accounts() + " managed accounts.");
        return answers.done(request, synced.vendor(), feedback, flash);
    }

    @PostMapping("/{id}/enabled")
    @AdminAccess
    ModelAndView enable(@PathVariable("id") String id, @RequestParam("enabled") boolean enabled,
                        HttpServletRequest request, RedirectAttributes flash) {
        PamConnectionView connection = connections.view(connections.get(id));
        try {
            connections.update(id, VaultForms.withEnabled(connection, enabled));
        } catch (RuntimeException e) {
            return answers.refused(request, connection.vendor(), Refusal.of(e));
        }
        return answers.done(request, connection.vendor(), Feedback.done(connection.name()
                + (enabled ? " is enabled; test it to check the sign-in." : " is disabled.")), flash);
    }

    @PostMapping("/{id}/delete")
    @AdminAccess
    ModelAndView delete(@PathVariable("id") String id, HttpServletRequest request, RedirectAttributes flash) {
        PamConnectionView connection = connections.view(connections.get(id));
        connections.delete(id);
        return answers.done(request, connection.vendor(), Feedback.done(connection.name() + " is deleted."), flash);
    }

    private static Feedback tested(String name, PamOutcome outcome) {
        return outcome.ok() ? Feedback.done(name + ": connected. " + outcome.message())
                : Feedback.failed(name + ": the test failed. " + outcome.message());
    }
}
