package io.vigil.simulators.core;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A running vendor API stand-in: one or more hosts on 127.0.0.1, an in-memory vault, session
 * tokens, fault injection and a log of every request received.
 */
public abstract class VendorSimulator implements AutoCloseable {

    protected final SimulatorOptions options;
    protected final Vault vault;
    protected final Tokens tokens;
    private final Faults faults = new Faults();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<SimHost> hosts = new ArrayList<>();

    protected VendorSimulator(SimulatorOptions options) {
        this.options = options;
        this.vault = new Vault(options);
        this.tokens = new Tokens(options.clock());
    }

    /** Starts a host; {@code port} 0 picks a free one. Returns its root URL. */
    protected final URI openHost(String name, int port, Router router, ErrorShape errors) {
        SimHost host = new SimHost(name, port, router, errors, this);
        hosts.add(host);
        return host.url();
    }

    /** Stops one host, as if the machine went away; {@link #openHost} with its port brings it back. */
    protected final void closeHost(String name) {
        hosts.removeIf(h -> {
            if (h.name().equals(name)) {
                h.close();
                return true;
            }
            return false;
        });
    }

    /** The vendor's name, for messages. */
    public abstract String vendor();

    /** The base URL a client is configured with (the API root of this vendor). */
    public abstract URI url();

    /** Lines telling a person how to point a client at this simulator (URLs and the demo credentials). */
    public abstract List<String> describe();

    public SimulatorOptions options() {
        return options;
    }

    public Vault vault() {
        return vault;
    }

    public Faults faults() {
        return faults;
    }

    /** Ends every session and token; the next call with one gets the vendor's expired-session answer. */
    public void expireSessions() {
        tokens.expireAll();
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public List<RecordedRequest> requests(Predicate<RecordedRequest> filter) {
        return requests.stream().filter(filter).collect(Collectors.toList());
    }

    /** Requests whose path ends with the suffix (case-insensitive). */
    public List<RecordedRequest> requestsTo(String pathSuffix) {
        return requests(r -> r.pathEndsWith(pathSuffix));
    }

    public void clearRequests() {
        requests.clear();
    }

    void recordRequest(RecordedRequest request) {
        if (keepsRequestLog()) {
            requests.add(request);
        }
    }

    /** Whether {@link #requests()} keeps what arrived; a stand-in under load may say no, so its heap stays flat. */
    protected boolean keepsRequestLog() {
        return true;
    }

    /** The bearer or raw token of the {@code Authorization} header, or null. */
    protected static String authorizationToken(SimRequest request, String scheme) {
        String header = request.header("Authorization");
        if (header == null) {
            return null;
        }
        if (scheme == null) {
            return header.trim();
        }
        String prefix = scheme + " ";
        return header.regionMatches(true, 0, prefix, 0, prefix.length()) ? header.substring(prefix.length()).trim() : null;
    }

    @Override
    public void close() {
        hosts.forEach(SimHost::close);
        hosts.clear();
    }
}
