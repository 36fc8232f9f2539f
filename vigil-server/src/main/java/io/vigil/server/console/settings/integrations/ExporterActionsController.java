package io.vigil.server.console.settings.integrations;

import io.vigil.integrations.siem.SiemKind;
import io.vigil.server.api.ApiValues;
import io.vigil.server.console.settings.internal.Feedback;
import io.vigil.server.console.settings.internal.FilledForm;
import io.vigil.server.console.settings.internal.Refusal;
import io.vigil.server.security.AdminAccess;
import io.vigil.server.siem.SiemExporterService;
import io.vigil.server.siem.SiemExporterView;
import io.vigil.server.siem.TestDeliveryView;
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
 * The SIEM cards' actions, through {@link SiemExporterService} as the API's: connect an exporter, send a
 * test alert, enable or disable it (at the version the page showed, so a concurrent change is never
 * overwritten), delete it.
 */
@Controller
@RequestMapping("/settings/integrations/" + IntegrationCards.SIEM)
class ExporterActionsController {

    private final SiemExporterService exporters;
    private final IntegrationAnswers answers;

    ExporterActionsController(SiemExporterService exporters, IntegrationAnswers answers) {
        this.exporters = exporters;
        this.answers = answers;
    }

    @PostMapping("/{kind}/connect")
    @AdminAccess
    ModelAndView connect(@PathVariable("kind") String kindName, @RequestParam Map<String, String> form,
                         Principal user, HttpServletRequest request, RedirectAttributes flash) {
        SiemKind kind = ApiValues.parse(SiemKind.class, "kind", kindName);
        String key = IntegrationCards.key(kind);
        SiemExporterView created;
        try {
            created = exporters.create(ExporterForms.request(kind, form), user.getName());
        } catch (RuntimeException e) {
            Refusal refusal = Refusal.of(e);
            return answers.refused(request, answers.card(key).refused(
                    FilledForm.echo(ExporterForms.fields(kind), form), refusal.feedback()), refusal.status());
        }
        return answers.done(request, key, Feedback.done(created.name()
                + " is connected: alerts are delivered to it from now on. Send a test alert to check it."), flash);
    }

    @PostMapping("/{id}/test")
    @AdminAccess
    ModelAndView test(@PathVariable("id") String id, HttpServletRequest request, RedirectAttributes flash) {
        SiemExporterView exporter = exporters.get(id);
        TestDeliveryView outcome = exporters.test(id);
        Feedback feedback = outcome.delivered()
                ? Feedback.done(exporter.name() + ": " + outcome.message())
                : Feedback.failed(exporter.name() + ": the test alert was not accepted. " + outcome.message());
        return answers.done(request, keyOf(exporter), feedback, flash);
    }

    @PostMapping("/{id}/enabled")
    @AdminAccess
    ModelAndView enable(@PathVariable("id") String id, @RequestParam("enabled") boolean enabled,
                        @RequestParam("version") long version, Principal user, HttpServletRequest request,
                        RedirectAttributes flash) {
        SiemExporterView exporter = exporters.get(id);
        try {
            exporters.update(id, null, ExporterForms.withEnabled(enabled, version), user.getName());
        } catch (RuntimeException e) {
            return answers.refused(request, keyOf(exporter), Refusal.of(e));
        }
        return answers.done(request, keyOf(exporter),
                Feedback.done(exporter.name() + (enabled ? " is enabled." : " is disabled: nothing is sent to it.")), flash);
    }

    @PostMapping("/{id}/delete")
    @AdminAccess
    ModelAndView delete(@PathVariable("id") String id, HttpServletRequest request, RedirectAttributes flash) {
        SiemExporterView exporter = exporters.get(id);
        exporters.delete(id);
        return answers.done(request, keyOf(exporter), Feedback.done(exporter.name() + " is deleted."), flash);
    }

    private static String keyOf(SiemExporterView exporter) {
        return IntegrationCards.key(SiemKind.valueOf(exporter.kind()));
    }
}
