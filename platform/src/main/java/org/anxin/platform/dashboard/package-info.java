/**
 * The city dashboard (市级养老服务数据看板) for the bureau and the officers of streets and
 * communities: figures of a period over the seniors of the viewer's node of the hierarchy (or of a
 * node below it), each computed by the module that owns its table in one SQL query, and the same
 * figures as CSV. Reads only: it owns no table.
 */
package org.anxin.platform.dashboard;
