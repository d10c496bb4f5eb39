/**
 * The installation's own settings that platform admins manage: its connections to the outside
 * (each social platform's app credentials, the SMTP server, the SMS provider), stored encrypted
 * and read by their users at each use, environment settings first.
 */
@NullMarked
package io.reach.installation;

import org.jspecify.annotations.NullMarked;
