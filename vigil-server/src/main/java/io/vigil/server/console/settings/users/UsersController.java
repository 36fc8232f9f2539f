package io.vigil.server.console.settings.users;

import io.vigil.model.user.Role;
import io.vigil.server.api.ApiValues;
import io.vigil.server.console.internal.Display;
import io.vigil.server.console.internal.Htmx;
import io.vigil.server.console.settings.internal.Feedback;
import io.vigil.server.console.settings.internal.Refusal;
import io.vigil.server.security.GlobalAdminAccess;
import io.vigil.server.users.ApiTokenService;
import io.vigil.server.users.LocalUsers;
import io.vigil.server.users.UserView;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
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
 * {@code /settings/users}: local accounts and every API token, for global admins only, as the users API.
 * Changes go through {@link LocalUsers} and {@link ApiTokenService}, so they are checked and audited the
 * same way; htmx swaps the page's content after each.
 */
@Controller
@RequestMapping("/settings/users")
class UsersController {

    static final String PAGE = "settings/users";
    static final String CONTENT = PAGE + " :: content";
    private static final String FEEDBACK = "feedback";

    private final LocalUsers users;
    private final ApiTokenService tokens;
    private final Display display;

    UsersController(LocalUsers users, ApiTokenService tokens, Display display) {
        this.users = users;
        this.tokens = tokens;
        this.display = display;
    }

    @GetMapping
    @GlobalAdminAccess
    ModelAndView page(Model model) {
        return page(model.getAttribute(FEEDBACK) instanceof Feedback f ? f : null, NewUserForm.blank());
    }

    @PostMapping
    @GlobalAdminAccess
    ModelAndView create(@RequestParam(name = "username", defaultValue = "") String username,
                        @RequestParam(name = "password", defaultValue = "") String password,
                        @RequestParam(name = "role", defaultValue = "") String role, HttpServletRequest request,
                        RedirectAttributes flash) {
        NewUserForm typed = new NewUserForm(username, role);
        return change(request, flash, typed, () -> {
            UserView created = users.create(username.strip(), password,
                    role.isBlank() ? null : ApiValues.parse(Role.class, "role", role));
            return created.username() + " can sign in now, as " + label(created.role()) + ".";
        });
    }

    @PostMapping("/{username}/role")
    @GlobalAdminAccess
    ModelAndView changeRole(@PathVariable("username") String username, @RequestParam("role") String role,
                            HttpServletRequest request, RedirectAttributes flash) {
        return change(request, flash, NewUserForm.blank(), () -> {
            UserView changed = users.changeRole(username, ApiValues.parse(Role.class, "role", role));
            return changed.username() + " is now " + label(changed.role()) + ".";
        });
    }

    @PostMapping("/{username}/enabled")
    @GlobalAdminAccess
    ModelAndView enable(@PathVariable("username") String username, @RequestParam("enabled") boolean enabled,
                        HttpServletRequest request, RedirectAttributes flash) {
        return change(request, flash, NewUserForm.blank(), () -> {
            UserView changed = enabled ? users.enable(username) : users.disable(username);
            return changed.username() + (enabled ? " can sign in again." : " can no longer sign in.");
        });
    }

    @PostMapping("/{username}/unlock")
    @GlobalAdminAccess
    ModelAndView unlock(@PathVariable("username") String username, HttpServletRequest request,
                        RedirectAttributes flash) {
        return change(request, flash, NewUserForm.blank(),
                () -> users.unlock(username).username() + " is unlocked.");
    }

    @PostMapping("/{username}/delete")
    @GlobalAdminAccess
    ModelAndView delete(@PathVariable("username") String username, HttpServletRequest request,
                        RedirectAttributes flash) {
        return change(request, flash, NewUserForm.blank(), () -> {
            users.delete(username);
            return username + " is deleted and their API tokens revoked.";
        });
    }

    @PostMapping("/tokens/{id}/revoke")
    @GlobalAdminAccess
    ModelAndView revoke(@PathVariable("id") String id, Authentication admin, HttpServletRequest request,
                        RedirectAttributes flash) {
        return change(request, flash, NewUserForm.blank(), () -> {
            tokens.revoke(admin, id);
            return "The token is revoked: programs using it are refused from now on.";
        });
    }

    /** Runs a change: its outcome is the page's content for htmx, or a redirect to the page that says it. */
    private ModelAndView change(HttpServletRequest request, RedirectAttributes flash, NewUserForm typed,
                                Supplier<String> action) {
        String done;
        try {
            done = action.get();
        } catch (RuntimeException e) {
            Refusal refusal = Refusal.of(e);
            ModelAndView refused = page(refusal.feedback(), typed);
            refused.setStatus(refusal.status());
            if (Htmx.isRequest(request)) {
                refused.setViewName(CONTENT);
            }
            return refused;
        }
        if (Htmx.isRequest(request)) {
            ModelAndView content = page(Feedback.done(done), NewUserForm.blank());
            content.setViewName(CONTENT);
            content.setStatus(HttpStatus.OK);
            return content;
        }
        flash.addFlashAttribute(FEEDBACK, Feedback.done(done));
        return new ModelAndView("redirect:/settings/users");
    }

    private ModelAndView page(Feedback feedback, NewUserForm typed) {
        return new ModelAndView(PAGE)
                .addObject("users", users.list())
                .addObject("tokens", tokens.all())
                .addObject("roles", Arrays.stream(Role.values()).map(r -> new RoleChoice(r.name(), label(r))).toList())
                .addObject("newUser", typed)
                .addObject("now", Instant.now())
                .addObject(FEEDBACK, feedback);
    }

    private String label(Role role) {
        return display.label(role.name());
    }
}
