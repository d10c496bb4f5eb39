/** Outgoing e-mail through a transactional outbox: sent over SMTP when configured, otherwise kept and logged. */
@NullMarked
package io.reach.platform.mail;

import org.jspecify.annotations.NullMarked;
