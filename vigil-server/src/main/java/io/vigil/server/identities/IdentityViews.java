package io.vigil.server.identities;

import io.vigil.model.alert.Severity;
import io.vigil.model.directory.DirectoryIdentity;
import io.vigil.model.directory.TaggedIdentity;
import io.vigil.server.api.ApiValues;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** How an identity is shown in lists: a directory identity with its alerts, or an account only alerts name. */
final class IdentityViews {

    static final String NO_RISK = "none";
    private static final String SEEN_PREFIX = "seen-";

    private IdentityViews() {
    }

    /** @param alerts its alerts added up; null when none names it */
    static IdentityView of(TaggedIdentity tagged, AccountActivity.Alerts alerts) {
        DirectoryIdentity i = tagged.identity();
        return new IdentityView(i.objectGuid().toString(), alerts != null ? alerts.key() : keyOf(i),
                i.samAccountName() != null ? i.samAccountName() : i.distinguishedName(), i.domain(), i.objectSid(),
                true, ApiValues.name(i.kind()), i.samAccountName(), i.userPrincipalName(), i.displayName(),
                i.enabled(), tagged.tags().stream().sorted().map(ApiValues::name).toList(),
                alerts == null ? NO_RISK : riskOf(alerts.openHighest()), alerts == null ? 0 : alerts.count(),
                alerts == null ? null : alerts.lastSeen(), alerts == null ? null : ApiValues.name(alerts.highest()));
    }

    /** An account only alerts name; the aggregate keeps its name folded to lower case and no SID. */
    static IdentityView of(AccountActivity.Alerts alerts) {
        var account = AccountActivity.accountOf(alerts.key());
        return new IdentityView(seenId(alerts.key()), alerts.key(), account.name(), account.domain(), null, false, null,
                null, null, null, null, List.of(), riskOf(alerts.openHighest()), alerts.count(), alerts.lastSeen(),
                ApiValues.name(alerts.highest()));
    }

    /** The entity key alerts would give the identity: {@code account:<first label of its domain>\<sAMAccountName>}. */
    static String keyOf(DirectoryIdentity i) {
        String netbios = i.domain() == null ? "" : i.domain().split("\\.")[0];
        return "account:" + (netbios + "\\" + (i.samAccountName() == null ? "" : i.samAccountName())).toLowerCase(Locale.ROOT);
    }

    /** The id of an account only alerts name: its entity key, made safe for a URL. */
    static String seenId(String key) {
        return SEEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The entity key in an id {@link #seenId} made; null when the id is not one. */
    static String seenKey(String id) {
        if (!id.startsWith(SEEN_PREFIX)) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(id.substring(SEEN_PREFIX.length())), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String riskOf(Severity openHighest) {
        return openHighest == null ? NO_RISK : ApiValues.name(openHighest);
    }
}
