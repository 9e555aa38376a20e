/**
 * Home services: the catalogue (after GB/T 43153-2023) and what each provider offers, booking
 * with a price snapshot, batch assignment of booked visits (Hungarian method over the whole
 * batch), the visit's lifecycle with GPS-checked check-in and check-out, and ratings that feed
 * the dispatcher's ranking.
 */
package org.anxin.platform.order;
