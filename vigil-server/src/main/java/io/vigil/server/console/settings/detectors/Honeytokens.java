package io.vigil.server.console.settings.detectors;

import io.vigil.model.directory.DirectoryIdentity;
import io.vigil.model.directory.IdentityTag;
import io.vigil.model.directory.TaggedIdentity;
import io.vigil.model.identity.Account;
import io.vigil.server.api.InvalidRequestException;
import io.vigil.server.directory.DirectoryInventory;
import io.vigil.server.directory.IdentityMarks;
import io.vigil.server.directory.InventoryIndex;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The honeytoken accounts the honeytoken detector watches: the honeytoken marks kept by SID, set and
 * removed through {@link IdentityMarks} as the identities API does, so the audit log reads the same.
 */
@Component
class Honeytokens {

    private static final Pattern SID = Pattern.compile("S-1-\\d+(-\\d+)+", Pattern.CASE_INSENSITIVE);

    private final IdentityMarks marks;
    private final DirectoryInventory inventory;

    Honeytokens(IdentityMarks marks, DirectoryInventory inventory) {
        this.marks = marks;
        this.inventory = inventory;
    }

    List<HoneytokenRow> list() {
        InventoryIndex index = inventory.current();
        return marks.all(IdentityTag.HONEYTOKEN).stream().map(m -> {
            Optional<TaggedIdentity> known = index.bySid(m.objectSid());
            return new HoneytokenRow(m.objectSid(), known.map(t -> label(t.identity())).orElse(m.objectSid()),
                    known.isPresent(), m.markedBy(), m.markedAt());
        }).sorted(Comparator.comparing(HoneytokenRow::account, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /**
     * Marks the account a honeytoken; returns how it is named.
     *
     * @param account {@code DOMAIN\name}, a name unique across the synced domains, or a SID
     * @throws InvalidRequestException when no synced domain holds an account of that name
     */
    String add(String account, String user) {
        String typed = account == null ? "" : account.strip();
        if (typed.isEmpty()) {
            throw new InvalidRequestException("account", "name the account: DOMAIN\\name, or its SID");
        }
        InventoryIndex index = inventory.current();
        String sid;
        String label;
        if (SID.matcher(typed).matches()) {
            sid = typed;
            label = index.bySid(typed).map(t -> label(t.identity())).orElse(typed);
        } else {
            int slash = typed.indexOf('\\');
            Account named = Account.of(slash < 0 ? null : typed.substring(0, slash), typed.substring(slash + 1), null);
            DirectoryIdentity found = index.resolve(named).map(TaggedIdentity::identity)
                    .filter(i -> i.objectSid() != null)
                    .orElseThrow(() -> new InvalidRequestException("account", "no synced domain holds one account named '"
                            + typed + "'; give it as DOMAIN\\name, or by its SID"));
            sid = found.objectSid();
            label = label(found);
        }
        marks.set(sid, IdentityTag.HONEYTOKEN, label, user);
        return label;
    }

    /** Returns how the account is named. */
    String remove(String sid) {
        String label = inventory.current().bySid(sid).map(t -> label(t.identity())).orElse(sid);
        marks.remove(sid, IdentityTag.HONEYTOKEN, label);
        return label;
    }

    /** As the identities API labels an account in the audit log: {@code lab.example\bob}. */
    private static String label(DirectoryIdentity i) {
        String name = i.samAccountName() != null ? i.samAccountName() : i.distinguishedName();
        return i.domain() == null ? name : i.domain() + "\\" + name;
    }
}
