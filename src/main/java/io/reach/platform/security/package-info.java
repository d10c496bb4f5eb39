/** Bearer-token authentication, the platform-admin credential and the API's security rules. */
@NullMarked
package io.reach.platform.security;

import org.jspecify.annotations.NullMarked;
