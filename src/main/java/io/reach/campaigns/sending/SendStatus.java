package io.reach.campaigns.sending;

/**
 * The state of one recipient's message, in the send table of its channel. Both channels share the
 * queue's states (queued, sending, sent, failed, suppressed); each enum mirrors its own CHECK set.
 */
public sealed interface SendStatus permits EmailSendStatus, SmsSendStatus {

    String code();

    /** Not yet processed: queued, or claimed by a worker and not yet recorded. */
    boolean waiting();

    boolean failed();

    static SendStatus of(Channel channel, String code) {
        return channel == Channel.EMAIL ? EmailSendStatus.ofCode(code) : SmsSendStatus.ofCode(code);
    }

    static SendStatus queued(Channel channel) {
        return channel == Channel.EMAIL ? EmailSendStatus.QUEUED : SmsSendStatus.QUEUED;
    }

    static SendStatus sending(Channel channel) {
        return channel == Channel.EMAIL ? EmailSendStatus.SENDING : SmsSendStatus.SENDING;
    }

    static SendStatus failed(Channel channel) {
        return channel == Channel.EMAIL ? EmailSendStatus.FAILED : SmsSendStatus.FAILED;
    }
}
