package io.vigil.server.console.layout;

import io.vigil.server.api.InvalidRequestException;
import io.vigil.server.api.ResourceNotFoundException;
import io.vigil.server.console.internal.Htmx;
import io.vigil.store.AlreadyExistsException;
import io.vigil.store.NotFoundException;
import io.vigil.store.StaleVersionException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of console handlers as a page (or, for an htmx request, a notice the page swaps in) instead
 * of the API's problem JSON, which would otherwise apply to every controller. Ordered before the API's
 * handler. Refusals are left to Spring Security, which answers 403 through the same error page.
 */
@ControllerAdvice(basePackages = "io.vigil.server.console")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    @ExceptionHandler({ResourceNotFoundException.class, NotFoundException.class})
    ModelAndView notFound(RuntimeException e, HttpServletRequest request) {
        return page(HttpStatus.NOT_FOUND, e.getMessage(), request);
    }

    @ExceptionHandler(InvalidRequestException.class)
    ModelAndView invalid(InvalidRequestException e, HttpServletRequest request) {
        return page(HttpStatus.BAD_REQUEST, e.getMessage(), request);
    }

    @ExceptionHandler({StaleVersionException.class, AlreadyExistsException.class})
    ModelAndView conflict(RuntimeException e, HttpServletRequest request) {
        return page(HttpStatus.CONFLICT, e.getMessage(), request);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView other(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e;
        }
        if (e instanceof ErrorResponse spring) {
            return page(spring.getStatusCode(), null, request);
        }
        log.error("unexpected error rendering {}", request.getRequestURI(), e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, null, request);
    }

    private static ModelAndView page(HttpStatusCode status, String message, HttpServletRequest request) {
        ModelAndView page = new ModelAndView(Htmx.isRequest(request) ? "fragments/notice :: error" : "error");
        page.setStatus(status);
        page.addObject("status", status.value());
        HttpStatus known = HttpStatus.resolve(status.value());
        page.addObject("error", known == null ? "Error" : known.getReasonPhrase());
        page.addObject("message", message);
        return page;
    }
}
