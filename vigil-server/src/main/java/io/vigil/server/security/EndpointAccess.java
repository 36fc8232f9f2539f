package io.vigil.server.security;

import io.vigil.model.user.Role;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/** Which role an API handler method demands, read from its access annotation (or its class's). */
public final class EndpointAccess {

    private static final Map<Class<? extends Annotation>, Role> ANNOTATIONS = Map.of(
            ReaderAccess.class, Role.SECURITY_READER,
            OperatorAccess.class, Role.SECURITY_OPERATOR,
            AdminAccess.class, Role.SECURITY_ADMIN,
            GlobalAdminAccess.class, Role.GLOBAL_ADMIN);

    private EndpointAccess() {
    }

    /** The role required, or empty when the handler carries no access annotation (or more than one). */
    public static Optional<Role> requiredRole(HandlerMethod handler) {
        List<Role> onMethod = rolesOn(handler.getMethod());
        List<Role> found = onMethod.isEmpty() ? rolesOn(handler.getBeanType()) : onMethod;
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private static List<Role> rolesOn(java.lang.reflect.AnnotatedElement element) {
        return ANNOTATIONS.entrySet().stream()
                .filter(e -> AnnotatedElementUtils.hasAnnotation(element, e.getKey()))
                .map(Map.Entry::getValue)
                .toList();
    }
}
