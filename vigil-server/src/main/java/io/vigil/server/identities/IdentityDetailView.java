package io.vigil.server.identities;

import io.vigil.server.pam.PasswordResetView;
import java.time.Instant;
import java.util.List;

/**
 * One identity: its summary, directory profile (null when not in the directory), administrators'
 * marks, direct and nested groups, the alerts that name it, and the recent activity those alerts'
 * evidence shows, newest first; the response actions a connected vault offers for it (e.g.
 * {@code Reset password by CyberArk}) and the password resets started for it, newest first.
 */
public record IdentityDetailView(IdentityView identity, ProfileView profile, List<MarkView> marks,
                                 List<GroupView> directGroups, List<GroupView> nestedGroups, List<String> hosts,
                                 List<AlertRefView> alerts, List<ActivityView> timeline, List<String> responseActions,
                                 List<PasswordResetView> passwordResets) {

    /** What the directory says about the account. */
    public record ProfileView(String objectGuid, String distinguishedName, List<String> userAccountControl,
                              List<String> servicePrincipalNames, int adminCount, Instant lastLogon,
                              Instant passwordLastSet, String primaryGroupSid, Instant whenChanged) {
    }

    public record MarkView(String mark, String markedBy, Instant markedAt) {
    }

    public record GroupView(String id, String name, String distinguishedName, List<String> tags) {
    }

    public record AlertRefView(String id, String name, String severity, String status, Instant startTime,
                               Instant endTime) {
    }

    /** One evidence event of an alert naming the identity. */
    public record ActivityView(Instant time, int eventId, String computer, String summary, String alertId) {
    }
}
