package io.vigil.simulators.core;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Routes by method and path pattern; paths compare case-insensitively, as on the vendors' IIS. */
public final class Router {

    /** A route's handler. */
    @FunctionalInterface
    public interface Handler {
        SimResponse handle(SimRequest request);
    }

    private record Route(String method, Pattern path, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();

    public Router get(String pathRegex, Handler handler) {
        return add("GET", pathRegex, handler);
    }

    public Router post(String pathRegex, Handler handler) {
        return add("POST", pathRegex, handler);
    }

    public Router add(String method, String pathRegex, Handler handler) {
        routes.add(new Route(method, Pattern.compile(pathRegex, Pattern.CASE_INSENSITIVE), handler));
        return this;
    }

    /** The route's answer, or null when no route has this path, or a 405 marker when only the method differs. */
    Handler find(SimRequest request) {
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher m = route.path.matcher(request.path());
            if (m.matches()) {
                pathKnown = true;
                if (route.method.equalsIgnoreCase(request.method())) {
                    request.matched(m);
                    return route.handler;
                }
            }
        }
        return pathKnown ? METHOD_NOT_ALLOWED : null;
    }

    static final Handler METHOD_NOT_ALLOWED = r -> null;
}
