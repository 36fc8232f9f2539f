package io.vigil.server.console.layout;

import io.vigil.server.security.PublicPage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page in place of Spring Security's generated one: local accounts post to
 * {@code /login} (handled by Spring Security's form login); "Sign in with single sign-on" appears when
 * an OIDC provider is configured and starts its flow at {@code /oauth2/authorization/oidc}.
 */
@Controller
class SignInController {

    static final String OIDC_START = "/oauth2/authorization/oidc";

    private final ObjectProvider<ClientRegistrationRepository> oidcProviders;

    SignInController(ObjectProvider<ClientRegistrationRepository> oidcProviders) {
        this.oidcProviders = oidcProviders;
    }

    @GetMapping("/login")
    @PublicPage
    String signIn(Model model) {
        model.addAttribute("oidcStart", oidcProviders.getIfAvailable() == null ? null : OIDC_START);
        return "sign-in";
    }
}
