package io.vigil.detection.builtin.groups;

import io.vigil.detection.builtin.common.NamePatterns;
import io.vigil.detection.spi.ActivityWindow;
import io.vigil.detection.spi.AlertDraft;
import io.vigil.detection.spi.AlertText;
import io.vigil.detection.spi.DetectorDescriptor;
import io.vigil.detection.spi.DirectoryView;
import io.vigil.detection.spi.KeySelector;
import io.vigil.detection.spi.WindowedDetector;
import io.vigil.model.alert.MitreTactic;
import io.vigil.model.alert.MitreTechnique;
import io.vigil.model.alert.Severity;
import io.vigil.model.identity.Account;
import io.vigil.model.identity.IdentityEvent;
import io.vigil.model.identity.IdentityEventKind;
import java.util.List;
import java.util.Set;

/**
 * Suspicious additions to sensitive groups (MDI 2024): a member added (4728/4732/4756) to a group
 * Defender for Identity deems sensitive (reference §1.6). Defender for Identity profiles who changes
 * which group for four weeks and alerts on the unusual; that learning arrives with the baseline
 * module, so until then every addition alerts (Defender's "Low" threshold) and expected actors are
 * excluded by configuration. One alert per actor and group per window, listing the members added.
 */
public final class SensitiveGroupAdditionDetector extends WindowedDetector {

    public static final String ID = "sensitive-group-addition";

    static final DetectorDescriptor DESCRIPTOR = new DetectorDescriptor(
            ID, "2024", "AbnormalSensitiveGroupMembershipChangeSecurityAlert", "Suspicious additions to sensitive groups",
            Severity.MEDIUM,
            List.of(MitreTactic.PERSISTENCE, MitreTactic.CREDENTIAL_ACCESS),
            List.of(MitreTechnique.of("T1098.007", "Account Manipulation: Additional Local or Domain Groups"),
                    MitreTechnique.of("T1484", "Domain or Tenant Policy Modification")),
            Set.of(IdentityEventKind.GROUP_MEMBER_ADDED), null,
            "Confirm with the actor that the change was approved. If not, remove the added members, reset their"
                    + " passwords, investigate how the actor's account was used, and limit who may modify"
                    + " sensitive groups.");

    /** Actor and group: the pair whose additions one alert lists. */
    static final KeySelector ACTOR_AND_GROUP = e -> e.group() == null || e.group().key() == null ? null
            : (e.actor() == null || e.actor().key() == null ? "?" : e.actor().key()) + "|" + e.group().key();

    private static final String MEMBERS = "members";
    private static final String CONTROLLERS = "controllers";
    private static final String GROUP = "group";

    private final NamePatterns excludedActors;

    public SensitiveGroupAdditionDetector(SensitiveGroupAdditionConfig config) {
        super(DESCRIPTOR, ACTOR_AND_GROUP, config.window());
        this.excludedActors = NamePatterns.of(config.excludedActors());
    }

    @Override
    protected Admission admit(IdentityEvent e, DirectoryView directory) {
        boolean suspicious = e.kind() == IdentityEventKind.GROUP_MEMBER_ADDED
                && directory.isSensitiveGroup(e.group())
                && !(e.actor() != null && excludedActors.matches(e.actor().name()));
        return suspicious ? Admission.OPENS : Admission.IGNORE;
    }

    @Override
    protected boolean record(ActivityWindow w, IdentityEvent e, DirectoryView directory) {
        w.remember(e.actor());
        String member = w.remember(e.target());
        w.add(member, e);
        w.count(MEMBERS, member);
        w.count(CONTROLLERS, e.destination());
        if (w.tally(GROUP).isEmpty()) {
            w.count(GROUP, e.group().name() != null ? e.group().name() : e.group().sid());
        }
        return true;
    }

    @Override
    protected boolean reached(ActivityWindow w) {
        return w.distinct(MEMBERS) > 0;
    }

    @Override
    protected void describe(ActivityWindow w, AlertDraft alert, String key) {
        String actorKey = key.substring(0, key.indexOf('|'));
        Account actor = w.accounts.get(actorKey);
        String group = w.tally(GROUP).keySet().iterator().next();
        List<String> members = w.tally(MEMBERS).keySet().stream()
                .map(k -> w.accounts.get(k) == null ? k : w.accounts.get(k).display()).toList();
        String added = members.size() == 1 ? members.get(0) : AlertText.countedNames(members, "member");
        alert.description((actor == null ? "An unknown account" : actor.display()) + " added " + added
                        + " to the sensitive group " + group + ".")
                .compromised(actor == null ? null : actor.display())
                .accounts(w.accounts.values());
        w.tally(CONTROLLERS).keySet().forEach(alert::host);
        alert.property("Group", group)
                .property("AddedMembers", AlertText.all(members))
                .property("AddedMemberCount", members.size())
                .property("Actor", actor == null ? "" : actor.display());
    }
}
