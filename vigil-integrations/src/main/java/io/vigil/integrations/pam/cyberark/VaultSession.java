package io.vigil.integrations.pam.cyberark;

import io.vigil.integrations.pam.PamException;
import io.vigil.integrations.pam.PamFailure;
import io.vigil.integrations.secret.SecretSupplier;
import io.vigil.integrations.pam.internal.ApiUrl;
import io.vigil.integrations.pam.internal.Authorizer;
import io.vigil.integrations.pam.internal.PamCall;
import io.vigil.integrations.pam.internal.PamHttp;
import io.vigil.integrations.pam.internal.PamJson;
import io.vigil.integrations.pam.internal.PamResponse;
import io.vigil.integrations.http.RequestBody;
import java.net.http.HttpRequest;
import tools.jackson.databind.JsonNode;

/** A PVWA logon session: the token goes raw in {@code Authorization}; 401 means it expired. */
final class VaultSession implements Authorizer {

    private final PamHttp http;
    private final ApiUrl api;
    private final CyberArkAuth.VaultLogon logon;
    private String token;

    VaultSession(PamHttp http, ApiUrl api, CyberArkAuth.VaultLogon logon) {
        this.http = http;
        this.api = api;
        this.logon = logon;
    }

    @Override
    public void authorize(HttpRequest.Builder request) {
        request.setHeader("Authorization", token());
    }

    @Override
    public boolean isSessionRejected(PamResponse response) {
        return response.status() == 401;
    }

    @Override
    public synchronized void sessionRejected() {
        token = null;
    }

    private synchronized String token() {
        if (token == null) {
            token = logOn();
        }
        return token;
    }

    private String logOn() {
        char[] password = logon.password().get();
        PamCall call = PamCall.post(api.resolve("API/auth/" + logon.method().pathName() + "/Logon"),
                        RequestBody.json("username", logon.userName(), "password", password, "concurrentSession", true),
                        PamCall.Retry.IDEMPOTENT)
                .asSignIn().redacting(password);
        try {
            PamResponse response = http.send(call);
            String value = tokenOf(response);
            if (value == null) {
                throw new PamException(http.vendor(), PamFailure.PROTOCOL, response.status(),
                        "CyberArk answered " + call.label() + " without a session token.");
            }
            http.redactor().register(value);
            return value;
        } finally {
            call.wipe();
            SecretSupplier.wipe(password);
        }
    }

    /**
     * The documented answer is the token as a bare JSON string; CyberArk's own mock wraps it in
     * {@code value}, and the older logons in {@code CyberArkLogonResult} / {@code LogonResult}.
     */
    private static String tokenOf(PamResponse response) {
        String raw = response.text().trim();
        if (raw.isEmpty()) {
            return null;
        }
        JsonNode json = PamJson.tryParse(raw);
        if (json == null) {
            return raw;
        }
        if (json.isString()) {
            return json.stringValue();
        }
        return PamJson.text(json, "value", "CyberArkLogonResult", "LogonResult");
    }

    /** Ends the session; a failure is not worth more than one try, the session times out anyway. */
    synchronized void logOff() {
        if (token == null) {
            return;
        }
        String ending = token;
        token = null;
        PamCall call = PamCall.post(api.resolve("API/Auth/Logoff"), null, PamCall.Retry.ONLY_IF_UNPROCESSED)
                .withHeader("Authorization", ending);
        try {
            http.send(call);
        } finally {
            http.redactor().forget(ending);
        }
    }

    @Override
    public String toString() {
        return "VaultSession[" + logon.userName() + "]";
    }
}
