package org.anxin.platform.notify;

/** A notification was logged as pending; the sender picks it up after the commit. */
record NotificationQueued(long notificationId) {}
