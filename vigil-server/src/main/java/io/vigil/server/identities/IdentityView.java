package io.vigil.server.identities;

import java.time.Instant;
import java.util.List;

/**
 * An identity as the list shows it: from the directory inventory when the domain is synced, and from
 * the alerts that name it. Accounts that alerts name but the inventory lacks have
 * {@code inDirectory: false} and only what the alerts say.
 *
 * @param id              what {@code /api/v1/identities/{id}} takes: the objectGUID, or for an account
 *                        known only from alerts an opaque id
 * @param key             the entity key alerts and incidents use, e.g. {@code account:contoso\alice}
 * @param domain          the DNS domain for directory identities, else the domain the alerts give
 * @param kind            user, computer, group or gmsa; null when not in the directory
 * @param enabled         null when not in the directory
 * @param tags            sensitive, honeytoken, domain_controller, service_account, kerberoastable, …
 * @param risk            the worst severity among its open alerts (new or in progress), or {@code none}
 * @param alertCount      how many alerts name the account
 * @param lastSeen        the end of its latest alert; null when none
 * @param highestSeverity the worst severity among all its alerts; null when none
 */
public record IdentityView(String id, String key, String name, String domain, String sid, boolean inDirectory,
                           String kind, String samAccountName, String userPrincipalName, String displayName,
                           Boolean enabled, List<String> tags, String risk, long alertCount, Instant lastSeen,
                           String highestSeverity) {
}
