package io.vigil.ingest.normalize;

import io.vigil.ingest.decode.WindowsNumbers;
import io.vigil.model.event.WindowsEvent;
import io.vigil.model.identity.Account;
import io.vigil.model.identity.Endpoint;
import java.util.Locale;

/** Reads the recurring field groups of Security events (accounts, client endpoints, codes). */
final class EventFields {

    private EventFields() {
    }

    /** {@code <prefix>UserName}, {@code <prefix>DomainName}, {@code <prefix>UserSid} or {@code <prefix>Sid}. */
    static Account account(WindowsEvent e, String prefix) {
        String sid = e.value(prefix + "UserSid");
        if (sid == null) {
            sid = e.value(prefix + "Sid");
        }
        return Account.of(e.value(prefix + "DomainName"), e.value(prefix + "UserName"), nullSid(sid));
    }

    /** 4769 names the requester as {@code user@REALM}; the realm becomes the domain. */
    static Account principal(String upnOrName, String fallbackDomain) {
        if (upnOrName == null) {
            return null;
        }
        int at = upnOrName.lastIndexOf('@');
        if (at > 0) {
            return Account.of(upnOrName.substring(at + 1), upnOrName.substring(0, at), null);
        }
        return Account.of(fallbackDomain, upnOrName, null);
    }

    /** The null SID ({@code S-1-0-0}) says nothing about who acted. */
    static String nullSid(String sid) {
        return sid == null || sid.equals("S-1-0-0") ? null : sid;
    }

    static Endpoint endpoint(String workstation, String ip, String port) {
        String host = hostName(workstation);
        String address = address(ip);
        int p = (int) WindowsNumbers.parse(port);
        if (host == null && address == null) {
            return Endpoint.NONE;
        }
        return new Endpoint(host, address, p > 0 ? p : 0);
    }

    /** Short upper-case NetBIOS-style name: {@code \\ws5.corp.local} → {@code WS5}. */
    static String hostName(String workstation) {
        if (workstation == null) {
            return null;
        }
        String h = workstation.strip();
        while (h.startsWith("\\")) {
            h = h.substring(1);
        }
        int dot = h.indexOf('.');
        if (dot > 0 && !Character.isDigit(h.charAt(0))) {
            h = h.substring(0, dot);
        }
        if (h.isEmpty() || h.equals("-") || h.equalsIgnoreCase("localhost")) {
            return null;
        }
        return h.toUpperCase(Locale.ROOT);
    }

    /** {@code ::ffff:10.0.0.5} → {@code 10.0.0.5}; markers for "none" and loopback → null. */
    static String address(String ip) {
        if (ip == null) {
            return null;
        }
        String a = ip.strip();
        if (a.regionMatches(true, 0, "::ffff:", 0, 7)) {
            a = a.substring(7);
        }
        if (a.isEmpty() || a.equals("-") || a.equals("::1") || a.equals("127.0.0.1") || a.equals("0.0.0.0")
                || a.equals("::")) {
            return null;
        }
        return a.toLowerCase(Locale.ROOT);
    }

    static long number(WindowsEvent e, String field) {
        return WindowsNumbers.parse(e.field(field));
    }

    static int smallNumber(WindowsEvent e, String field) {
        return WindowsNumbers.parseInt(e.field(field));
    }
}
