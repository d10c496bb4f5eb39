/**
 * The installation's connections to the outside (each social platform's app credentials, the SMTP
 * server, the SMS provider) as their users read them at use time: the environment's settings when
 * set, else the ones a platform admin stored, else none ({@link
 * io.reach.platform.connections.InstallationSettings}). The installation module stores them.
 */
@NullMarked
package io.reach.platform.connections;

import org.jspecify.annotations.NullMarked;
