package io.vigil.simulators.core;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One simulated host on 127.0.0.1: records each request, applies queued faults, then routes.
 * Handlers run on a small pool so a delayed answer does not hold up the others.
 */
final class SimHost implements AutoCloseable {

    private final String name;
    private final HttpServer server;
    private final ExecutorService pool;
    private final Router router;
    private final ErrorShape errors;
    private final VendorSimulator owner;

    SimHost(String name, int port, Router router, ErrorShape errors, VendorSimulator owner) {
        this.name = name;
        this.router = router;
        this.errors = errors;
        this.owner = owner;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        pool = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "sim-" + name);
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::serve);
        server.start();
    }

    String name() {
        return name;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            RecordedRequest recorded = record(exchange);
            owner.recordRequest(recorded);
            write(exchange, answer(recorded));
        }
    }

    private SimResponse answer(RecordedRequest recorded) {
        try {
            Fault fault = owner.faults().take(recorded);
            if (fault != null) {
                if (!fault.delayValue().isZero()) {
                    Thread.sleep(fault.delayValue().toMillis());
                }
                if (fault.status() != 0) {
                    SimResponse response = errors.render(fault.status(), "Simulated fault " + fault.status() + ".");
                    return fault.retryAfterValue() == null ? response
                            : response.withHeader("Retry-After", fault.retryAfterValue());
                }
            }
            SimRequest request = new SimRequest(recorded);
            Router.Handler handler = router.find(request);
            if (handler == null) {
                return errors.render(404, "No resource at " + recorded.path() + ".");
            }
            if (handler == Router.METHOD_NOT_ALLOWED) {
                return errors.render(405, "The requested resource does not support http method '"
                        + recorded.method() + "'.");
            }
            return handler.handle(request);
        } catch (SimRequest.BadRequest e) {
            return errors.render(400, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return errors.render(503, "Simulator stopping.");
        } catch (RuntimeException e) {
            return errors.render(500, "Simulator error: " + e);
        }
    }

    private RecordedRequest record(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readAllBytes();
        }
        URI uri = exchange.getRequestURI();
        return new RecordedRequest(name, exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(),
                Map.copyOf(headers), raw);
    }

    private static void write(HttpExchange exchange, SimResponse response) throws IOException {
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] body = response.body();
        boolean noBody = body.length == 0 || response.status() == 204 || response.status() == 304;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
