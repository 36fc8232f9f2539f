package io.vigil.server.security;

import io.vigil.model.user.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Checks an API or console handler's access annotation before Spring MVC reads the request body and
 * path variables. {@code @PreAuthorize} alone runs only after that, so a caller without the role would
 * learn about validation errors (400) before being refused (403). It also fails closed: an API or
 * console handler without an access annotation is refused to everyone (the sign-in page is marked
 * {@link PublicPage}).
 */
final class EndpointAccessInterceptor implements HandlerInterceptor {

    private static final String CONSOLE_PACKAGE = "io.vigil.server.console";

    private final RoleHierarchy hierarchy;

    EndpointAccessInterceptor(RoleHierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        boolean console = method.getBeanType().getPackageName().startsWith(CONSOLE_PACKAGE);
        if (!api && !console || console && method.hasMethodAnnotation(PublicPage.class)) {
            return true;
        }
        Optional<Role> required = EndpointAccess.requiredRole(method);
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (required.isEmpty() || caller == null || !holds(caller, required.get())) {
            throw new AccessDeniedException("Access denied");
        }
        return true;
    }

    private boolean holds(Authentication caller, Role required) {
        String authority = Roles.authority(required).getAuthority();
        return hierarchy.getReachableGrantedAuthorities(caller.getAuthorities()).stream()
                .anyMatch(a -> authority.equals(a.getAuthority()));
    }
}
