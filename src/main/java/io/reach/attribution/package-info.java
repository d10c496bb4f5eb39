/**
 * Attribution: which touches (ads delivered in counted downloads, vanity-URL clicks, promo codes,
 * e-mail clicks, posts' links, touches sent through the API) earn the credit for a conversion, by
 * models whose maths is exact and written down.
 */
@NullMarked
package io.reach.attribution;

import org.jspecify.annotations.NullMarked;
