/**
 * The home-service catalogue after GB/T 43153-2023: categories, items with their price, standard
 * duration and skill, and which providers offer each item. The order module books from it through
 * {@link org.anxin.platform.catalog.Catalog}.
 */
package org.anxin.platform.catalog;
