package io.vigil.server.console.layout;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A console URL no controller takes (an unknown page, which falls to the static resources; a wrong method) gets the console's error page. The
 * API's exception handler answers every request without a handler with problem JSON, which suits
 * {@code /api} only; this resolver runs first and leaves {@code /api} and {@code /actuator} to it.
 */
@Configuration(proxyBeanMethods = false)
class ConsolePathErrors implements WebMvcConfigurer {

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        resolvers.add(0, ConsolePathErrors::resolve);
    }

    private static ModelAndView resolve(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception e) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (handler instanceof HandlerMethod || !(e instanceof ErrorResponse error) || path.startsWith("/api/")
                || path.startsWith("/actuator/")) {
            return null;
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(error.getStatusCode());
        page.addObject("status", error.getStatusCode().value());
        HttpStatus known = HttpStatus.resolve(error.getStatusCode().value());
        page.addObject("error", known == null ? "Error" : known.getReasonPhrase());
        return page;
    }
}
