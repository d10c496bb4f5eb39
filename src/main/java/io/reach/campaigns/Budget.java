package io.reach.campaigns;

import io.reach.platform.web.FieldError;
import io.reach.platform.web.InvalidRequestException;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A campaign's money: the allocation, what is spent of it and the currency. What is spent changes
 * only through {@link Budgets} (one conditional update at a time), so an allocation never drops below it.
 */
record Budget(BigDecimal allocated, BigDecimal spent, String currency) {

    /** A new campaign's budget: nothing spent yet; USD unless a currency is given. */
    static Budget opening(@Nullable BigDecimal allocated, @Nullable String currency) {
        return new Budget(amount(allocated), BigDecimal.ZERO.setScale(2), currency == null ? "USD" : currency);
    }

    /** Another allocation (and currency, when given), never below what is already spent. */
    Budget reallocated(@Nullable BigDecimal allocated, @Nullable String currency) {
        BigDecimal amount = amount(allocated);
        if (amount.compareTo(spent) < 0) {
            throw new InvalidRequestException(
                    new FieldError("budget_allocated", "must not be below what is already spent (" + spent + ")"));
        }
        return new Budget(amount, spent, currency == null ? this.currency : currency);
    }

    private static BigDecimal amount(@Nullable BigDecimal given) {
        return (given == null ? BigDecimal.ZERO : given).setScale(2);
    }
}
