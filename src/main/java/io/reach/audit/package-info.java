/**
 * Append-only records: audit logs of every state change, security events, and access denials,
 * with read APIs for administrators.
 */
@NullMarked
package io.reach.audit;

import org.jspecify.annotations.NullMarked;
