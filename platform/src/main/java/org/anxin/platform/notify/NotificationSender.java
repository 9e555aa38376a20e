package org.anxin.platform.notify;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends pending notifications through the Twilio SDK, one at a time on its own thread so no
 * request or timer waits for Twilio. A crash between queueing and sending leaves the row
 * pending; the sweep sends it. A network failure is retried up to three attempts; an error
 * Twilio answered (a bad number) is not.
 */
@Component
class NotificationSender implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);
    private static final int MAX_ATTEMPTS = 3;

    private final Notifications notifications;
    private final TwilioSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "notification-sender");
        thread.setDaemon(true);
        return thread;
    });
    private volatile TwilioRestClient client;
    private final MeterRegistry meters;

    NotificationSender(
            Notifications notifications,
            TwilioSettings settings,
            ApplicationEventPublisher events,
            Clock clock,
            MeterRegistry meters) {
        this.meters = meters;
        this.notifications = notifications;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void afterCommit(NotificationQueued queued) {
        try {
            worker.execute(() -> deliver(queued.notificationId()));
        } catch (RejectedExecutionException e) {
            log.debug("shutting down; notification {} stays pending", queued.notificationId());
        }
    }

    @Scheduled(
            initialDelayString = "${anxin.notify.sweep-ms:10000}",
            fixedDelayString = "${anxin.notify.sweep-ms:10000}")
    void sweep() {
        for (long id : notifications.pending()) {
            try {
                worker.execute(() -> deliver(id));
            } catch (RejectedExecutionException e) {
                return;
            }
        }
    }

    void deliver(long id) {
        Optional<Notification> claimed = notifications.claim(id);
        if (claimed.isEmpty()) {
            return;
        }
        Notification n = claimed.get();
        if (!settings.configured()) {
            notifications.settle(id, Notifications.NOT_SENT, null, "not sent: Twilio not configured");
            count(n, "not_configured");
            log.info("{} {} for alarm {} not sent: Twilio not configured", n.channel(), id, n.alarmId());
            return;
        }
        try {
            String sid = n.channel() == Notification.Channel.SMS ? sms(n) : call(n);
            notifications.settle(id, "queued", sid, null);
            count(n, "queued");
            if (n.channel() == Notification.Channel.VOICE) {
                events.publishEvent(new VoiceCallPlaced(
                        id, n.alarmId(), sid, n.phone(), settings.from, n.purpose(), clock.instant()));
            }
            log.info("{} {} for alarm {} handed to Twilio as {}", n.channel(), id, n.alarmId(), sid);
        } catch (ApiException e) {
            notifications.settle(id, Notifications.FAILED, null, "Twilio refused: " + e.getMessage());
            count(n, "refused");
            log.warn("{} {} for alarm {} refused by Twilio: {}", n.channel(), id, n.alarmId(), e.getMessage());
        } catch (RuntimeException e) {
            boolean retry = notifications.attempts(id) < MAX_ATTEMPTS;
            notifications.settle(
                    id, retry ? Notifications.PENDING : Notifications.FAILED, null, "Twilio unreachable: " + e);
            count(n, retry ? "unreachable_retrying" : "unreachable");
            log.warn(
                    "{} {} for alarm {} not sent ({}): {}",
                    n.channel(),
                    id,
                    n.alarmId(),
                    retry ? "will retry" : "gave up",
                    e.toString());
        }
    }

    /** {@code anxin_notifications_total{channel, result}}: each hand-off to Twilio and how it went. */
    private void count(Notification n, String result) {
        meters.counter("anxin.notifications", "channel", n.channel().name(), "result", result)
                .increment();
    }

    private String sms(Notification n) {
        return Message.creator(new PhoneNumber(n.phone()), new PhoneNumber(settings.from), n.body())
                .setStatusCallback(callback("/twilio/status/", n.id()))
                .create(client())
                .getSid();
    }

    private String call(Notification n) {
        return Call.creator(
                        new PhoneNumber(n.phone()), new PhoneNumber(settings.from), callback("/twilio/voice/", n.id()))
                .setStatusCallback(callback("/twilio/status/", n.id()))
                .create(client())
                .getSid();
    }

    private URI callback(String path, long id) {
        return URI.create(settings.publicBaseUrl() + path + id);
    }

    private TwilioRestClient client() {
        TwilioRestClient current = client;
        if (current == null) {
            TwilioRestClient.Builder builder = new TwilioRestClient.Builder(settings.accountSid, settings.authToken);
            if (!settings.apiBaseUrl.isEmpty()) {
                builder.httpClient(new RebasedHttpClient(settings.apiBaseUrl));
            }
            current = builder.build();
            client = current;
        }
        return current;
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
