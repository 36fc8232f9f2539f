package io.vigil.server.security;

import io.vigil.model.audit.AuditOutcome;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Audits console sign-ins (form and OIDC). API calls authenticate on every request, so their
 * successes are not audited one by one (that would be one entry per ingest batch); their failures are.
 */
@Component
class SignInAudit {

    private final AuditTrail audit;

    SignInAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        String name = event.getAuthentication().getName();
        String method = event.getAuthentication().getPrincipal() instanceof OidcUser ? "oidc" : "password";
        audit.recordAs(name, LocalAccounts.SIGN_IN, name, AuditOutcome.SUCCESS, Map.of("method", method));
    }
}
