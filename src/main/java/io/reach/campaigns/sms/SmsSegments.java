package io.reach.campaigns.sms;

/**
 * How many SMS segments a text takes. Texts entirely in the GSM 03.38 alphabet are sent as
 * GSM-7: 160 septets in one segment, 153 per segment when concatenated, characters of the
 * extension table (such as € and {) taking two. Anything else is sent as UCS-2: 70 UTF-16 units
 * in one segment, 67 per segment when concatenated.
 */
record SmsSegments(String encoding, int units, int segments) {

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    static SmsSegments of(String text) {
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) >= 0) {
                septets++;
            } else if (GSM_EXTENSION.indexOf(c) >= 0) {
                septets += 2;
            } else {
                int units = text.length();
                return new SmsSegments("UCS-2", units, count(units, 70, 67));
            }
        }
        return new SmsSegments("GSM-7", septets, count(septets, 160, 153));
    }

    private static int count(int units, int single, int perPart) {
        if (units == 0) {
            return 0;
        }
        return units <= single ? 1 : (units + perPart - 1) / perPart;
    }
}
