package org.anxin.platform.alarm;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.anxin.platform.senior.ContactsChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A senior's contacts changed (a family re-ordering who is called first): the operators working
 * the senior's open alarms see it on their timelines at once, since they may be about to call.
 */
@Component
class ContactsOnTimeline {
    private final AlarmRepository alarms;
    private final JdbcClient db;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ContactsOnTimeline(AlarmRepository alarms, JdbcClient db, ApplicationEventPublisher events, Clock clock) {
        this.alarms = alarms;
        this.db = db;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(ContactsChanged changed) {
        Instant now = clock.instant();
        List<Long> open = db.sql("select id from alarms where senior_id = ? and status in "
                        + AlarmRepository.OPEN_STATUSES + " order by id")
                .param(changed.seniorId())
                .query(Long.class)
                .list();
        for (long id : open) {
            alarms.addTimeline(id, now, null, "CONTACTS_CHANGED", changed.actor(), changed.summary());
            events.publishEvent(new AlarmChanged(id));
        }
    }
}
