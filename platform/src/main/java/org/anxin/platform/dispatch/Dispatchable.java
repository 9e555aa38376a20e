package org.anxin.platform.dispatch;

import java.util.Set;
import org.anxin.platform.notify.Notifications;
import org.anxin.platform.system.Role;
import org.anxin.platform.system.Viewer;

/**
 * What is being dispatched: an alarm's {@link Emergency} or an {@link UrgentOrder}. Each owns
 * what differs between the two: whose timeline a step goes on, the SMS a responder is offered,
 * whether it still wants someone, who may take it, what happens when someone does, and what
 * happens when nobody can. The offer rounds themselves are the same for both ({@link OfferRounds}).
 */
sealed interface Dispatchable permits Emergency, UrgentOrder {
    Viewer SYSTEM = new Viewer("system", Role.ADMIN, Set.of());

    /** A step on the timeline of what is dispatched. */
    void note(DispatchStep step, String text, Viewer viewer);

    /** Whether it still wants someone: the alarm open, the order not taken. */
    boolean stillWanted();

    /** Whether the responder may take it beyond what matching checks. */
    boolean mayTake(long responderId);

    /** The SMS offering it to the responder: what and where, then the {@code invitation} (ETA, how to answer). */
    Notifications.Request offerSms(Responder responder, String invitation);

    /** The dispatch's status once someone accepted. */
    DispatchStatus acceptedStatus();

    /** Someone accepted the offer (in the accepting transaction); the responder as they now are. */
    Responder accepted(Offer offer, Viewer viewer);

    /** Nobody could be found or nobody accepted in the widest circle: hand it back. */
    void unplaced(long dispatchId, String why);

    /** The responder's viewer for a step on it: may see this one senior and nothing more. */
    Viewer onBehalf(Viewer responder);

    /** The responder is on scene. */
    void onScene(String note, Viewer responder);

    /** The responder finished with this outcome. */
    void finished(String outcome, String note, Viewer responder);

    /** What a responder or the desk sees of it in a view. */
    DispatchViews.Subject subject();
}
