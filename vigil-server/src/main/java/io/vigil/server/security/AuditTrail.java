package io.vigil.server.security;

import io.vigil.model.audit.AuditEntry;
import io.vigil.model.audit.AuditOutcome;
import io.vigil.store.VigilDatabase;
import io.vigil.store.audit.AuditLog;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes configuration changes, response actions and sign-ins to the append-only audit log, taking
 * who did it from the security context and where from the current request. Features call
 * {@link #record} after every change they make; never put secrets in the details.
 */
@Component
public class AuditTrail {

    static final String ANONYMOUS = "anonymous";
    private static final String SYSTEM = "system";

    private final AuditLog log;

    public AuditTrail(VigilDatabase database) {
        this.log = database.auditLog();
    }

    /** Records an action by whoever is signed in on this request ({@code system} outside of requests). */
    public AuditEntry record(String action, String target, AuditOutcome outcome, Map<String, String> details) {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        Map<String, String> all = new LinkedHashMap<>(details == null ? Map.of() : details);
        if (signedIn instanceof ApiTokenAuthentication token) {
            all.put("token", token.token().name() + " (" + token.token().id() + ")");
        }
        return recordAs(actor(signedIn), action, target, outcome, all);
    }

    /** Records an action whose actor is not the signed-in user, e.g. a sign-in attempt that has no user yet. */
    public AuditEntry recordAs(String actor, String action, String target, AuditOutcome outcome,
            Map<String, String> details) {
        return log.append(new AuditEntry(null, null, actor, action, target, outcome, details, sourceIp()));
    }

    private static String actor(Authentication signedIn) {
        if (signedIn == null) {
            return RequestContextHolder.getRequestAttributes() == null ? SYSTEM : ANONYMOUS;
        }
        return signedIn instanceof AnonymousAuthenticationToken ? ANONYMOUS : signedIn.getName();
    }

    private static String sourceIp() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr()
                : null;
    }
}
