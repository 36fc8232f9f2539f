package io.vigil.ingest.normalize;

import static io.vigil.ingest.normalize.EventFields.account;
import static io.vigil.ingest.normalize.EventFields.nullSid;
import static io.vigil.ingest.normalize.EventFields.number;

import io.vigil.model.event.WindowsEvent;
import io.vigil.model.identity.Account;
import io.vigil.model.identity.IdentityEvent;
import io.vigil.model.identity.IdentityEventKind;
import io.vigil.model.identity.Outcome;
import java.util.Map;

/**
 * User, computer and group management: who (Subject) did what to which account (Target) — and, for
 * membership changes, which member went into or out of which group.
 */
final class AccountManagementMappers {

    private AccountManagementMappers() {
    }

    static void register(Map<Integer, EventMapper> mappers) {
        subjectOnTarget(mappers, 4720, IdentityEventKind.ACCOUNT_CREATED);
        subjectOnTarget(mappers, 4722, IdentityEventKind.ACCOUNT_ENABLED);
        subjectOnTarget(mappers, 4723, IdentityEventKind.PASSWORD_CHANGE);
        subjectOnTarget(mappers, 4724, IdentityEventKind.PASSWORD_RESET);
        subjectOnTarget(mappers, 4725, IdentityEventKind.ACCOUNT_DISABLED);
        subjectOnTarget(mappers, 4726, IdentityEventKind.ACCOUNT_DELETED);
        subjectOnTarget(mappers, 4738, IdentityEventKind.ACCOUNT_MODIFIED);
        subjectOnTarget(mappers, 4741, IdentityEventKind.COMPUTER_CREATED);
        subjectOnTarget(mappers, 4742, IdentityEventKind.COMPUTER_MODIFIED);
        subjectOnTarget(mappers, 4743, IdentityEventKind.COMPUTER_DELETED);
        subjectOnTarget(mappers, 4765, IdentityEventKind.SID_HISTORY_ADDED);
        subjectOnTarget(mappers, 4766, IdentityEventKind.SID_HISTORY_ADD_FAILED);
        for (int id : new int[] {4728, 4732, 4756}) {
            mappers.put(id, e -> membership(e, IdentityEventKind.GROUP_MEMBER_ADDED));
        }
        for (int id : new int[] {4729, 4733, 4757}) {
            mappers.put(id, e -> membership(e, IdentityEventKind.GROUP_MEMBER_REMOVED));
        }
        mappers.put(4781, AccountManagementMappers::renamed);
        mappers.put(4794, e -> IdentityEvent.builder(IdentityEventKind.DSRM_PASSWORD_SET, e)
                .actor(account(e, "Subject"))
                .status(number(e, "Status"))
                .outcome(number(e, "Status") == 0 ? Outcome.SUCCESS : Outcome.FAILURE)
                .build());
    }

    private static void subjectOnTarget(Map<Integer, EventMapper> mappers, int id, IdentityEventKind kind) {
        mappers.put(id, e -> IdentityEvent.builder(kind, e)
                .actor(account(e, "Subject"))
                .target(account(e, "Target"))
                .outcome(kind == IdentityEventKind.SID_HISTORY_ADD_FAILED ? Outcome.FAILURE : Outcome.SUCCESS)
                .attribute(changedAttributes(e))
                .build());
    }

    /** For 4738/4742: the UAC flags value when it changed, the one change detectors look at most. */
    private static String changedAttributes(WindowsEvent e) {
        String oldUac = e.value("OldUacValue");
        String newUac = e.value("NewUacValue");
        if (newUac != null && !newUac.equalsIgnoreCase(oldUac)) {
            return "userAccountControl";
        }
        return null;
    }

    private static IdentityEvent membership(WindowsEvent e, IdentityEventKind kind) {
        Account group = Account.of(e.value("TargetDomainName"), e.value("TargetUserName"),
                nullSid(e.value("TargetSid")));
        Account member = Account.of(null, commonName(e.value("MemberName")), nullSid(e.value("MemberSid")));
        return IdentityEvent.builder(kind, e)
                .actor(account(e, "Subject"))
                .target(member)
                .group(group)
                .outcome(Outcome.SUCCESS)
                .object(e.value("MemberName"))
                .build();
    }

    private static IdentityEvent renamed(WindowsEvent e) {
        return IdentityEvent.builder(IdentityEventKind.ACCOUNT_RENAMED, e)
                .actor(account(e, "Subject"))
                .target(Account.of(e.value("TargetDomainName"), e.value("NewTargetUserName"),
                        nullSid(e.value("TargetSid"))))
                .outcome(Outcome.SUCCESS)
                .attribute("sAMAccountName")
                .value(e.value("OldTargetUserName"))
                .build();
    }

    /** {@code CN=John Smith,OU=Staff,DC=corp,DC=local} → {@code John Smith}; a plain name stays. */
    static String commonName(String dn) {
        if (dn == null) {
            return null;
        }
        if (!dn.regionMatches(true, 0, "CN=", 0, 3)) {
            return dn;
        }
        StringBuilder cn = new StringBuilder();
        for (int i = 3; i < dn.length(); i++) {
            char c = dn.charAt(i);
            if (c == '\\' && i + 1 < dn.length()) {
                cn.append(dn.charAt(++i));
            } else if (c == ',') {
                break;
            } else {
                cn.append(c);
            }
        }
        return cn.toString();
    }
}
