package io.vigil.simulators.sentinel;

import static io.vigil.simulators.core.Json.obj;

import io.vigil.simulators.core.Router;
import io.vigil.simulators.core.SimRequest;
import io.vigil.simulators.core.SimResponse;
import io.vigil.simulators.core.SimulatorOptions;
import io.vigil.simulators.core.VendorSimulator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * Microsoft Sentinel's way in for third-party alerts, on loopback: the Microsoft identity platform's
 * v2.0 token endpoint (client credentials with a secret or a certificate-signed assertion) and the
 * Azure Monitor Logs Ingestion API of one data collection rule. The ingestion call is checked as
 * Azure checks it — bearer token issued for {@code https://monitor.azure.com}, known DCR immutable id
 * and declared stream, {@code api-version=2023-01-01}, a JSON array body (gzip allowed), at most 1 MB
 * compressed and uncompressed — and answered 204, 400, 401, 403, 404 or 413. One deliberate
 * difference: Azure drops columns the stream does not declare, and converts what it can; the
 * stand-in refuses both with 400, so a client that sends a wrong name or type is caught in tests.
 * Like the real workspace it keeps every row it accepted: there is no de-duplication.
 */
public final class SentinelSimulator extends VendorSimulator {

    public static final String AUDIENCE = "https://monitor.azure.com";
    private static final String API_VERSION = "2023-01-01";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SentinelOptions sentinel;
    private final EntraTokens entraTokens;
    private final IngestionBody body;
    private final ThreadLocal<byte[]> inflated;
    private final List<IngestedRow> rows = new CopyOnWriteArrayList<>();
    private final AtomicLong acceptedCalls = new AtomicLong();
    private final AtomicLong acceptedRows = new AtomicLong();
    private URI login;
    private URI ingestion;

    private SentinelSimulator(SentinelOptions sentinel) {
        super(SimulatorOptions.defaults().withClock(sentinel.clock()));
        this.sentinel = sentinel;
        this.entraTokens = new EntraTokens(sentinel.clock());
        this.body = new IngestionBody(JSON, sentinel.columns(), sentinel.streamName());
        this.inflated = ThreadLocal.withInitial(() -> new byte[sentinel.maxCallBytes() + 1]);
    }

    public static SentinelSimulator start(SentinelOptions options) {
        SentinelSimulator sim = new SentinelSimulator(options);
        sim.login = sim.openHost("login", 0, sim.loginRoutes(), SentinelSimulator::oauthError);
        sim.ingestion = sim.openHost("ingestion", 0, sim.ingestionRoutes(), SentinelSimulator::azureError);
        return sim;
    }

    @Override
    public String vendor() {
        return "Microsoft Sentinel (Logs Ingestion)";
    }

    /** The data collection endpoint. */
    @Override
    public URI url() {
        return ingestion;
    }

    /** The identity platform's authority host (stands for {@code https://login.microsoftonline.com/}). */
    public URI authorityUrl() {
        return login;
    }

    public SentinelOptions sentinelOptions() {
        return sentinel;
    }

    @Override
    public List<String> describe() {
        return List.of("Microsoft identity platform: " + login + sentinel.tenantId() + "/oauth2/v2.0/token",
                "  client credentials: " + sentinel.clientId() + " / " + sentinel.clientSecret(),
                "Logs Ingestion:        " + ingestion + "dataCollectionRules/" + sentinel.dcrImmutableId() + "/streams/"
                        + sentinel.streamName() + "?api-version=" + API_VERSION);
    }

    /** Every row accepted, in arrival order, re-sent copies included. */
    public List<IngestedRow> rows() {
        return List.copyOf(rows);
    }

    /** Rows accepted, re-sent copies included (also counted when rows are not kept). */
    public long acceptedRows() {
        return acceptedRows.get();
    }

    /** Calls answered 204. */
    public long acceptedCalls() {
        return acceptedCalls.get();
    }

    /** A counting-only stand-in (a load run) keeps no request log either: a million rows would fill the heap. */
    @Override
    protected boolean keepsRequestLog() {
        return sentinel.keepRows();
    }

    /** The ingestion host stops listening: connections are refused until {@link #comeBack()}. */
    public void goDown() {
        closeHost("ingestion");
    }

    public void comeBack() {
        ingestion = openHost("ingestion", ingestion.getPort(), ingestionRoutes(), SentinelSimulator::azureError);
    }

    /** Every token issued so far stops working, as if it expired early. */
    public void expireTokens() {
        entraTokens.expireAll();
    }

    private Router loginRoutes() {
        return new Router().post("/([^/]+)/oauth2/v2\\.0/token/?", this::token);
    }

    private Router ingestionRoutes() {
        return new Router().post("/dataCollectionRules/([^/]+)/streams/([^/]+)/?", this::ingest);
    }

    private SimResponse token(SimRequest request) {
        String tenant = request.pathParam(1);
        if (!tenant.equalsIgnoreCase(sentinel.tenantId())) {
            return oauth(400, "invalid_tenant", "AADSTS90002: Tenant '" + tenant + "' not found.");
        }
        if (!"client_credentials".equals(request.formValue("grant_type"))) {
            return oauth(400, "unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant type.");
        }
        String clientId = request.formValue("client_id");
        if (!sentinel.clientId().equals(clientId)) {
            return oauth(400, "unauthorized_client", "AADSTS700016: Application with identifier '" + clientId
                    + "' was not found in the directory.");
        }
        String scope = request.formValue("scope");
        if (scope == null || !scope.endsWith("/.default")) {
            return oauth(400, "invalid_scope", "AADSTS1002012: The provided value for scope is not valid. Client "
                    + "credential flows must have a scope value with /.default suffixed to the resource identifier.");
        }
        String problem = credentialProblem(request, tenant);
        if (problem != null) {
            return oauth(401, "invalid_client", problem);
        }
        String audience = scope.substring(0, scope.length() - "/.default".length()).replaceAll("/+$", "");
        long seconds = sentinel.tokenLifetime().toSeconds();
        return SimResponse.json(200, obj("token_type", "Bearer", "expires_in", seconds, "ext_expires_in", seconds,
                "access_token", entraTokens.issue(audience, sentinel.tokenLifetime())));
    }

    private String credentialProblem(SimRequest request, String tenant) {
        String secret = request.formValue("client_secret");
        String assertion = request.formValue("client_assertion");
        if (secret != null) {
            return secret.equals(sentinel.clientSecret()) ? null
                    : "AADSTS7000215: Invalid client secret provided.";
        }
        if (assertion != null) {
            if (!"urn:ietf:params:oauth:client-assertion-type:jwt-bearer".equals(request.formValue("client_assertion_type"))) {
                return "AADSTS700023: Invalid client assertion type.";
            }
            return ClientAssertionCheck.problem(assertion, sentinel.certificate(), sentinel.clientId(),
                    login + tenant + "/oauth2/v2.0/token", sentinel.clock().instant());
        }
        return "AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'.";
    }

    private SimResponse ingest(SimRequest request) {
        String version = request.query("api-version");
        if (version == null) {
            return azure(400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required.");
        }
        if (!API_VERSION.equals(version)) {
            return azure(400, "InvalidApiVersionParameter", "The api-version '" + version + "' is invalid. The supported "
                    + "versions are '" + API_VERSION + "'.");
        }
        String token = authorizationToken(request, "Bearer");
        if (token == null) {
            return azure(401, "InvalidAuthenticationToken", "The request is missing a bearer token.");
        }
        EntraTokens.Issued grant = entraTokens.check(token);
        if (grant == null) {
            return azure(401, "InvalidAuthenticationToken", "The access token is invalid or has expired.");
        }
        if (!AUDIENCE.equals(grant.audience())) {
            return azure(401, "InvalidAuthenticationTokenAudience", "The access token has an invalid audience: '"
                    + grant.audience() + "'; expected '" + AUDIENCE + "'.");
        }
        if (!request.pathParam(1).equals(sentinel.dcrImmutableId())) {
            return azure(404, "NotFound", "Data collection rule '" + request.pathParam(1) + "' was not found.");
        }
        if (!request.pathParam(2).equals(sentinel.streamName())) {
            return azure(400, "InvalidStream", "Stream '" + request.pathParam(2) + "' is not declared in the data "
                    + "collection rule.");
        }
        String type = request.header("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            return azure(415, "UnsupportedMediaType", "Content-Type must be application/json.");
        }
        byte[] raw = request.rawBody();
        if (raw.length > sentinel.maxCallBytes()) {
            return azure(413, "ContentLengthLimitExceeded", "The request is larger than the 1 MB per call limit.");
        }
        Body json;
        try {
            json = gzip(request) ? gunzip(raw) : new Body(raw, raw.length);
        } catch (IOException e) {
            return azure(400, "InvalidContentEncoding", "The body is not valid gzip.");
        }
        if (json.length() > sentinel.maxCallBytes()) {
            return azure(413, "ContentLengthLimitExceeded", "The uncompressed request is larger than the 1 MB per call limit.");
        }
        // every row is checked either way; a counting-only stand-in (a load run) just does not keep a copy
        IngestionBody.Checked checked = body.check(json.bytes(), json.length(), sentinel.keepRows());
        if (checked.problem() != null) {
            return azure(400, "InvalidPayload", checked.problem());
        }
        List<IngestedRow> accepted = new ArrayList<>(checked.kept().size());
        for (Map<String, Object> columns : checked.kept()) {
            accepted.add(new IngestedRow(sentinel.streamName(), columns, sentinel.clock().instant()));
        }
        rows.addAll(accepted);
        acceptedRows.addAndGet(checked.rows());
        acceptedCalls.incrementAndGet();
        return SimResponse.empty(204);
    }

    private static boolean gzip(SimRequest request) {
        String encoding = request.header("Content-Encoding");
        return encoding != null && encoding.trim().equalsIgnoreCase("gzip");
    }

    /** The first {@code length} bytes of {@code bytes}. */
    private record Body(byte[] bytes, int length) {
    }

    /**
     * Inflates into this thread's buffer, one byte larger than the limit so an oversized body shows:
     * a fresh megabyte per call is a humongous allocation for G1, and in a load run that garbage cost
     * the JVM more than the check itself.
     */
    private Body gunzip(byte[] raw) throws IOException {
        byte[] buffer = inflated.get();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return new Body(buffer, in.readNBytes(buffer, 0, buffer.length));
        }
    }

    private static SimResponse oauth(int status, String error, String description) {
        return SimResponse.json(status, obj("error", error, "error_description", description, "error_codes", List.of()));
    }

    private static SimResponse azure(int status, String code, String message) {
        return SimResponse.json(status, obj("error", obj("code", code, "message", message)));
    }

    private static SimResponse oauthError(int status, String message) {
        return oauth(status, status == 429 ? "temporarily_unavailable" : "server_error", message);
    }

    private static SimResponse azureError(int status, String message) {
        return azure(status, status == 429 ? "TooManyRequests" : status == 413 ? "ContentLengthLimitExceeded"
                : status >= 500 ? "ServiceUnavailable" : "BadRequest", message);
    }
}
