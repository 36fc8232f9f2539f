package io.vigil.detection.builtin.pam;

import io.vigil.detection.spi.ActivityWindow;
import java.util.ArrayList;
import java.util.List;

/**
 * One account's state: the sign-ins waiting for the vaults' records, and the window of sign-ins found
 * outside the vault that one alert reports (null until there is one: engines keep a state for every
 * account that signs in, and most never need it). A mutable POJO, as engines keep detector state.
 */
public final class OutsidePamSessionState {

    /** Sign-ins kept per account while they wait; more are judged only once some are decided. */
    static final int PENDING_CAP = 200;

    public List<SignIn> pending = new ArrayList<>();
    public ActivityWindow reported;
    /** Sign-ins left unjudged since the last alert because {@link #PENDING_CAP} was reached. */
    public long overflow;
}
