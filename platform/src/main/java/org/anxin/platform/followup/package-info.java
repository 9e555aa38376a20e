/**
 * Follow-up calls (回访): a seeded sample of completed home visits, queued when the order module
 * announces {@link org.anxin.platform.order.VisitCompleted}, called and recorded by the desk.
 */
package org.anxin.platform.followup;
