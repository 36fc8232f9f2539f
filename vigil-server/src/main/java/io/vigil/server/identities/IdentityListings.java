package io.vigil.server.identities;

import io.vigil.model.directory.TaggedIdentity;
import io.vigil.server.directory.DirectoryInventory;
import io.vigil.server.directory.InventoryIndex;
import io.vigil.server.internal.RenewedReading;
import io.vigil.store.VigilDatabase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The identity list as of the current inventory and the last reading of {@link AccountActivity}: the
 * reading is renewed in the background when a list is asked for more than {@link #FRESH_FOR} after it
 * was read, and the background thread builds and sorts the listing for the new reading before
 * publishing it. A request builds a listing only for a new inventory state (after a sync or a change
 * of marks), once per state.
 */
@Component
class IdentityListings implements DisposableBean {

    static final Duration FRESH_FOR = Duration.ofSeconds(30);

    private final DirectoryInventory inventory;
    private final RenewedReading<AccountActivity> activity;
    private volatile Built built;

    /** A listing and what it was built from. */
    private record Built(InventoryIndex index, AccountActivity activity, IdentityListing listing) {

        /** Whether it shows this inventory state with this reading or a later one. */
        boolean shows(InventoryIndex current, AccountActivity reading) {
            return index == current && !activity.readAt().isBefore(reading.readAt());
        }
    }

    @Autowired
    IdentityListings(VigilDatabase database, DirectoryInventory inventory) {
        this(database, inventory, Clock.systemUTC());
    }

    IdentityListings(VigilDatabase database, DirectoryInventory inventory, Clock clock) {
        this.inventory = inventory;
        this.activity = new RenewedReading<>("identity-listing", FRESH_FOR, clock, () -> {
            AccountActivity reading = AccountActivity.read(database, clock.instant());
            build(inventory.current(), reading, true);
            return reading;
        });
    }

    IdentityListing current() {
        InventoryIndex index = inventory.current();
        AccountActivity reading = activity.get();
        Built last = built;
        return last != null && last.shows(index, reading) ? last.listing() : build(index, reading, false);
    }

    /** @param sortAll whether to sort every order before the listing is served, not only on first use */
    private synchronized IdentityListing build(InventoryIndex index, AccountActivity reading, boolean sortAll) {
        Built last = built;
        if (last != null && last.shows(index, reading)) {
            return last.listing();
        }
        AccountActivity.Resolved alerts = reading.resolve(index);
        List<IdentityView> views = new ArrayList<>(index.identities().size() + alerts.notInDirectory().size());
        for (TaggedIdentity tagged : index.identities()) {
            views.add(IdentityViews.of(tagged, alerts.of(tagged.identity().objectGuid())));
        }
        alerts.notInDirectory().forEach(seen -> views.add(IdentityViews.of(seen)));
        IdentityListing listing = IdentityListing.of(views);
        if (sortAll) {
            listing.sortAll();
        }
        built = new Built(index, reading, listing);
        return listing;
    }

    @Override
    public void destroy() {
        activity.close();
    }
}
