package io.reach.campaigns.sending;

import io.reach.platform.web.FieldError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What adding recipients from a file did, row by row, as the console reports it: how many will be
 * sent to, and each refused row with why (a bad address or missing variable, a duplicate, a suppressed address).
 *
 * @param willSend the recipients added who will get the message
 * @param total every recipient now on the campaign (suppressed ones included)
 */
public record RecipientReport(int willSend, int total, List<Refused> refused) {

    /** A refused row: its line in the file (the header is line 1) and why. */
    public record Refused(int row, String reason) {}

    static RecipientReport of(Sending.Added added) {
        List<Refused> refused = new ArrayList<>();
        added.rejected()
                .forEach(rejected -> refused.add(new Refused(
                        rejected.row(),
                        rejected.errors().stream().map(RecipientReport::words).collect(Collectors.joining("; ")))));
        added.duplicateRows()
                .forEach(row -> refused.add(new Refused(row, "duplicate: the address is on an earlier row")));
        added.suppressedRows()
                .forEach(row -> refused.add(new Refused(row, "suppressed: the address is on the suppression list")));
        refused.sort(Comparator.comparingInt(Refused::row));
        return new RecipientReport(added.accepted() - added.suppressedRows().size(), added.totalRecipients(), refused);
    }

    private static String words(FieldError error) {
        return error.field() + " " + error.message();
    }
}
